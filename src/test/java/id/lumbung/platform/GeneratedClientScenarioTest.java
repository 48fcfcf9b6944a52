package id.lumbung.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.client.ApiClient;
import id.lumbung.client.ApiException;
import id.lumbung.client.ApiResponse;
import id.lumbung.client.api.GrantsApi;
import id.lumbung.client.api.JournalApi;
import id.lumbung.client.api.MembersApi;
import id.lumbung.client.api.TenancyApi;
import id.lumbung.client.model.ChainVerification;
import id.lumbung.client.model.District;
import id.lumbung.client.model.DistrictRequest;
import id.lumbung.client.model.EntryKind;
import id.lumbung.client.model.Gender;
import id.lumbung.client.model.Grant;
import id.lumbung.client.model.GrantRequest;
import id.lumbung.client.model.JournalEntry;
import id.lumbung.client.model.JournalEntryRequest;
import id.lumbung.client.model.Led;
import id.lumbung.client.model.LedRequest;
import id.lumbung.client.model.Member;
import id.lumbung.client.model.MemberRequest;
import id.lumbung.client.model.PageJournalEntryView;
import id.lumbung.client.model.PostingRequest;
import id.lumbung.client.model.Problem;
import id.lumbung.client.model.ReversalRequest;
import id.lumbung.client.model.Side;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An integrator's first day, through the Java client that openapi-generator (-g java, library native)
 * builds from the root openapi.yaml during the test build: no hand-written HTTP, no model of ours.
 * If the contract stops being something a generator can use, this stops compiling or passing.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class GeneratedClientScenarioTest {

    @TestHTTPResource("/")
    URI service;

    @Test
    void walksFromADistrictToAVerifiedJournalAndReadsARefusalAsAProblem() throws Exception {
        String code = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));

        TenancyApi platform = new TenancyApi(client(Tokens.admin()));
        District district = platform.createDistrict(new DistrictRequest().code(code).name("Kabupaten Kampar"), null);
        Led led = platform.openLed(new LedRequest().districtId(district.getId()).code(code).name("LED Desa Kuok")
                .village("Kuok"), null);
        assertEquals(district.getId(), led.getDistrictId());

        ApiClient manager = client(Tokens.manager(led.getId()));
        GrantsApi grants = new GrantsApi(manager);
        GrantRequest tranche = new GrantRequest().source("APBD Kabupaten Kampar 2026").decreeNumber("SK 412/2026")
                .amount("500000000").receivedOn(today);
        String key = "hibah-" + code;
        Grant grant = grants.recordGrant(led.getId(), tranche, key);
        assertEquals("500000000.00", grant.getAmount());
        assertNull(grant.getReversedBy());
        ApiResponse<Grant> retry = grants.recordGrantWithHttpInfo(led.getId(), tranche, key);
        assertEquals(grant.getId(), retry.getData().getId());
        assertEquals(List.of("true"), retry.getHeaders().get("idempotent-replayed"));

        Member siti = new MembersApi(manager).registerMember(led.getId(), new MemberRequest().name("Siti Rahmawati")
                .nik("1406014507900003").gender(Gender.F).birthDate(LocalDate.of(1990, 7, 5))
                .hamlet("Dusun II Kuok"), null);
        assertEquals("1406014507900003", siti.getNik());
        assertNull(siti.getPhone());

        JournalApi journal = new JournalApi(manager);
        JournalEntry adjustment = journal.postAdjustment(led.getId(), adjustment("150000.00", "150000.00"), null);
        assertEquals(EntryKind.ADJUSTMENT, adjustment.getKind());
        assertNull(adjustment.getReference());
        JournalEntry reversal = journal.reverseEntry(led.getId(), adjustment.getId(),
                new ReversalRequest().reason("Salah input nominal"), null);
        assertEquals(adjustment.getId(), reversal.getReverses());
        assertEquals(EntryKind.REVERSAL, reversal.getKind());

        PageJournalEntryView first = journal.listJournalEntries(led.getId(), null, null, null, null, 2, null);
        assertEquals(2, first.getItems().size());
        assertEquals(EntryKind.GRANT, first.getItems().get(0).getKind());
        assertEquals("GRANT", first.getItems().get(0).getReference().getType());
        assertEquals(adjustment.getId(), first.getItems().get(1).getId());
        assertEquals(reversal.getId(), first.getItems().get(1).getReversedBy());
        assertNotNull(first.getNext());
        PageJournalEntryView second = journal.listJournalEntries(led.getId(), null, first.getNext(), null, null, 2,
                null);
        assertEquals(List.of(reversal.getId()), second.getItems().stream().map(JournalEntry::getId).toList());
        assertNull(second.getNext());

        ChainVerification verification = journal.verifyJournal(led.getId());
        assertTrue(verification.getValid());
        assertEquals(3L, verification.getEntries());
        assertEquals(reversal.getHash(), verification.getHead().getHash());

        ApiException refused = assertThrows(ApiException.class,
                () -> journal.postAdjustment(led.getId(), adjustment("150000.00", "140000.00"), null));
        assertEquals(422, refused.getCode());
        Problem problem = manager.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals(Problem.TypeEnum.URN_LUMBUNG_PROBLEM_ENTRY_UNBALANCED, problem.getType());
        assertEquals(422, problem.getStatus());
    }

    /** The lists that grow (entry kinds, problem types) reach an old client as a fallback, not an error. */
    @Test
    void unknownValuesOfOpenListsFallBackInsteadOfFailing() throws Exception {
        ApiClient client = client(Tokens.admin());
        JournalEntry entry = client.getObjectMapper().readValue("""
                {"id":"0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c","number":7,"kind":"LOAN_RESCHEDULE","postings":[]}""",
                JournalEntry.class);
        assertEquals(EntryKind.UNKNOWN_DEFAULT_OPEN_API, entry.getKind());
        Problem problem = client.getObjectMapper().readValue("""
                {"type":"urn:lumbung:problem:loan-not-approved","title":"Not yet","status":409}""", Problem.class);
        assertEquals(Problem.TypeEnum.UNKNOWN_DEFAULT_OPEN_API, problem.getType());
        assertEquals(409, problem.getStatus());
    }

    /**
     * The service itself, or a contract-checking proxy in front of it when
     * {@code -Dlumbung.contract.proxy=http://127.0.0.1:4010} is set ({@code scripts/prism-check.sh}).
     */
    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        String proxy = System.getProperty("lumbung.contract.proxy");
        if (proxy != null && !proxy.isBlank()) {
            // HTTP/1.1 through the proxy: Prism does not take the h2c upgrade Java's client offers.
            client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
            client.updateBaseUri(proxy.replaceAll("/$", ""));
        } else {
            client.updateBaseUri(service.toString().replaceAll("/$", ""));
        }
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static JournalEntryRequest adjustment(String debit, String credit) {
        return new JournalEntryRequest().effectiveDate(LocalDate.now(ZoneId.of("Asia/Jakarta")))
                .description("Koreksi salah catat setoran kas").kind(EntryKind.ADJUSTMENT)
                .postings(List.of(new PostingRequest().account("1-1100").side(Side.DEBIT).amount(debit),
                        new PostingRequest().account("3-1200").side(Side.CREDIT).amount(credit)));
    }
}
