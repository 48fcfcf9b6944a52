package id.lumbung.audit;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.Lending;
import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.Http;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The audit trail of changes that are not journal entries: each such write records who, when and
 * old → new in the same transaction, every 403 inside the LED's scope is recorded although the
 * request failed, the trail is chained without gaps also when writers race, and only the LED's
 * managers and auditors read it.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class AuditTrailTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    private static final String GENESIS = "0".repeat(64);

    private static String audit(UUID led) {
        return base(led) + "/audit";
    }

    private static String close(UUID led) {
        return base(led) + "/periods/close";
    }

    /** All events of the LED, read by its auditor. */
    private static List<Map<String, Object>> events(UUID led) {
        return as(Tokens.auditor(led)).get(audit(led) + "?limit=1000").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    private static List<String> actions(UUID led) {
        return events(led).stream().map(event -> (String) event.get("action")).toList();
    }

    private static long stored(UUID led) {
        return Db.number("SELECT count(*) FROM audit_event WHERE led_id = ?", led);
    }

    private static UUID register(UUID led, String nik) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Siti Rahmawati", "nik", nik, "gender", "F",
                "birthDate", "1990-07-05", "hamlet", "Dusun II Kuok", "phone", "081276543210"));
        return UUID.fromString(as(Tokens.clerk(led)).body(body).post(base(led) + "/members").then().statusCode(201)
                .extract().path("id"));
    }

    @Test
    void aMemberChangeIsRecordedWithWhoWhenAndOldToNewAndTheNikNeverInClear() {
        UUID led = Api.createLed();
        String nik = "1406014507900003";
        UUID member = register(led, nik);
        as(Tokens.manager(led)).body(Map.of("hamlet", "Dusun III Kuok", "phone", "085265551234"))
                .patch(base(led) + "/members/" + member).then().statusCode(200);

        Response trail = as(Tokens.auditor(led)).get(audit(led));
        trail.then().statusCode(200)
                .body("items", hasSize(2))
                .body("next", nullValue())
                .body("items[0].sequence", equalTo(1))
                .body("items[0].action", equalTo("member.registered"))
                .body("items[0].actor", equalTo("clerk.budi"))
                .body("items[0].role", equalTo("led-clerk"))
                .body("items[0].resourceType", equalTo("member"))
                .body("items[0].resourceId", equalTo(member.toString()))
                .body("items[0].changes.nik.old", nullValue())
                .body("items[0].changes.nik.new", equalTo("************0003"))
                .body("items[0].changes.name.new", equalTo("Siti Rahmawati"))
                .body("items[0].prevHash", equalTo(GENESIS))
                .body("items[1].sequence", equalTo(2))
                .body("items[1].action", equalTo("member.updated"))
                .body("items[1].actor", equalTo("manager.siti"))
                .body("items[1].role", equalTo("led-manager"))
                .body("items[1].outcome", equalTo("DONE"))
                .body("items[1].detail", nullValue())
                .body("items[1].changes.hamlet.old", equalTo("Dusun II Kuok"))
                .body("items[1].changes.hamlet.new", equalTo("Dusun III Kuok"))
                .body("items[1].changes.phone.old", equalTo("081276543210"))
                .body("items[1].changes.phone.new", equalTo("085265551234"))
                // Unchanged fields are left out.
                .body("items[1].changes.name", nullValue())
                .body("items[1].prevHash", equalTo(trail.path("items[0].hash")));
        String at = trail.path("items[1].at");
        assertTrue(Duration.between(java.time.Instant.parse(at), java.time.Instant.now()).abs().toMinutes() < 5, at);
        assertEquals(0, Db.number("SELECT count(*) FROM audit_event WHERE changes LIKE ?", "%" + nik + "%"));
        assertEquals(0, Db.number("SELECT count(*) FROM audit_event WHERE changes LIKE ?", "%140601%"));
    }

    @Test
    void everyNonMoneyWriteIsRecordedInTheSameTransaction() {
        UUID led = Lending.funded();
        String manager = Tokens.manager(led);
        as(manager).body(Map.of("code", "1-1150", "name", "Kas kecil", "type", "ASSET")).post(base(led) + "/accounts")
                .then().statusCode(201);
        as(manager).body(Map.of("approvalThreshold", "5000000")).put(base(led) + "/settings/lending").then()
                .statusCode(200);
        as(manager).body(Map.of("preset", "UPK")).put(base(led) + "/settings/loan-quality").then().statusCode(200);
        UUID member = Lending.member(led, "Siti Aminah");
        UUID group = UUID.fromString(as(Tokens.clerk(led)).body(Map.of("name", "KUB Mawar", "leaderMemberId", member))
                .post(base(led) + "/groups").then().statusCode(201).extract().path("id"));
        UUID product = Lending.flatProduct(led);
        UUID approved = Lending.approved(led, member, product, "3000000");
        UUID refused = UUID.fromString(Lending.apply(Tokens.clerk(led), led, member, product, "2000000").then()
                .statusCode(201).extract().path("id"));
        as(manager).body(Map.of("reason", "Usaha belum berjalan")).post(base(led) + "/loans/" + refused
                + "/rejection").then().statusCode(200);
        as(manager).body(Map.of("active", false)).patch(base(led) + "/loan-products/" + product).then()
                .statusCode(200);
        as(manager).body(Map.of("through", day(-1))).post(close(led)).then().statusCode(201);

        List<Map<String, Object>> events = events(led);
        assertEquals(List.of("account.created", "lending-settings.replaced", "loan-quality-settings.changed",
                "member.registered", "group.created", "member.updated", "loan-product.created", "loan.applied",
                "loan.approved", "loan.applied", "loan.rejected", "loan-product.retired", "period.closed"),
                events.stream().map(e -> e.get("action")).toList());
        assertEquals("1-1150", events.get(0).get("resourceId"));
        assertEquals(Map.of("old", "0.00", "new", "5000000.00"), change(events.get(1), "approvalThreshold"));
        assertEquals(Map.of("old", "BANK", "new", "UPK"), change(events.get(2), "preset"));
        assertEquals(group.toString(), events.get(4).get("resourceId"));
        assertEquals(member.toString(), change(events.get(4), "leaderMemberId").get("new"));
        assertEquals(group.toString(), change(events.get(5), "groupId").get("new"));
        assertEquals(product.toString(), events.get(6).get("resourceId"));
        assertEquals("3000000.00", change(events.get(7), "principal").get("new"));
        assertEquals(approved.toString(), events.get(8).get("resourceId"));
        assertEquals(Map.of("old", "APPLIED", "new", "APPROVED"), change(events.get(8), "status"));
        assertEquals("Usaha belum berjalan", change(events.get(10), "decisionNote").get("new"));
        assertEquals(Map.of("old", "true", "new", "false"), change(events.get(11), "active"));
        assertEquals(day(-1), events.get(12).get("resourceId"));
        assertEquals(day(-1), change(events.get(12), "closedThrough").get("new"));
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).get("sequence"));
        }
        // Money is the journal's: the grant received is not here.
        as(Tokens.auditor(led)).get(audit(led) + "/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("events", equalTo(events.size()))
                .body("head.sequence", equalTo(events.size()))
                .body("head.hash", equalTo(events.get(events.size() - 1).get("hash")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> change(Map<String, Object> event, String field) {
        return ((Map<String, Map<String, Object>>) event.get("changes")).get(field);
    }

    @Test
    void anImportIsOneEventAndNamesNoNik() {
        UUID led = Api.createLed();
        String csv = String.join(",", id.lumbung.member.MemberImportService.HEADER) + "\n"
                + "Siti Rahmawati,1406014507900011,F,1990-07-05,Dusun II Kuok,081276543210,\n"
                + "Nurhayati,1406016208770012,F,1977-08-22,,,\n";
        io.restassured.RestAssured.given().urlEncodingEnabled(false).auth().oauth2(Tokens.clerk(led))
                .contentType("text/csv; charset=UTF-8").accept("application/json").body(csv)
                .post(base(led) + "/members:import").then().statusCode(201).body("count", equalTo(2));
        List<Map<String, Object>> events = events(led);
        assertEquals(1, events.size());
        assertEquals("members.imported", events.get(0).get("action"));
        assertEquals("clerk.budi", events.get(0).get("actor"));
        assertEquals("2", change(events.get(0), "members").get("new"));
        assertEquals(0, Db.number("SELECT count(*) FROM audit_event WHERE led_id = ? AND changes LIKE '%140601%'",
                led));
    }

    @Test
    void aWriteThatFailsRecordsNothing() {
        UUID led = Api.createLed();
        UUID member = register(led, "1406014507900004");
        long before = stored(led);
        assertProblem(as(Tokens.manager(led)).body(Map.of("groupId", UUID.randomUUID()))
                .patch(base(led) + "/members/" + member), 422, "unknown-group");
        assertProblem(as(Tokens.manager(led)).body(Map.of("through", day(1))).post(close(led)), 422,
                "period-in-future");
        assertEquals(before, stored(led));
    }

    @Test
    void adjustmentDecisionsAndTheMakersOwnApprovalAttemptAreRecorded() {
        UUID led = Api.createLed();
        String siti = Tokens.manager(led);
        String ahmad = Tokens.of("led-manager", "manager.ahmad", List.of(), List.of(led));
        as(siti).body(Map.of("adjustmentApprovalThreshold", "1000000")).put(base(led) + "/settings/lending").then()
                .statusCode(200);
        String first = as(siti).body(Api.entry(TODAY.toString(), "1-1100", "3-1200", "2000000.00"))
                .post(base(led) + "/journal-entries").then().statusCode(202).extract().path("id");
        String second = as(siti).body(Api.entry(TODAY.toString(), "1-1100", "3-1200", "3000000.00"))
                .post(base(led) + "/journal-entries").then().statusCode(202).extract().path("id");
        String pending = base(led) + "/journal-entries/pending/";
        assertProblem(as(siti).body(Map.of()).post(pending + first + "/approval"), 403, "approver-is-maker");
        String entry = as(ahmad).body(Map.of("note", "Dicek dengan nota")).post(pending + first + "/approval").then()
                .statusCode(201).extract().path("id");
        as(ahmad).body(Map.of("note", "Bukti tidak ada")).post(pending + second + "/rejection").then().statusCode(200);

        List<Map<String, Object>> events = events(led);
        assertEquals(List.of("lending-settings.replaced", "adjustment.held", "adjustment.held",
                "POST /api/v1/leds/{ledId}/journal-entries/pending/{pendingId}/approval", "adjustment.approved",
                "adjustment.rejected"), events.stream().map(e -> e.get("action")).toList());
        assertEquals(first, events.get(1).get("resourceId"));
        assertEquals("2000000.00", change(events.get(1), "total").get("new"));
        assertEquals("REFUSED", events.get(3).get("outcome"));
        assertEquals("approver-is-maker", events.get(3).get("detail"));
        assertEquals("manager.siti", events.get(3).get("actor"));
        assertEquals("manager.ahmad", events.get(4).get("actor"));
        assertEquals(first, events.get(4).get("resourceId"));
        assertEquals(Map.of("old", "PENDING", "new", "APPROVED"), change(events.get(4), "status"));
        assertEquals(entry, change(events.get(4), "entryId").get("new"));
        assertEquals(second, events.get(5).get("resourceId"));
        assertEquals("Bukti tidak ada", change(events.get(5), "decisionNote").get("new"));
    }

    @Test
    void loanRequestsAndTheirDecisionsBySecondManagersAreRecorded() {
        UUID led = Lending.funded();
        String siti = Tokens.manager(led);
        String ahmad = Tokens.of("led-manager", "manager.ahmad", List.of(), List.of(led));
        UUID product = Lending.flatProduct(led);
        LocalDate disbursed = Lending.today().minusDays(70);
        UUID rescheduled = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), product, "3000000",
                disbursed.toString());
        UUID writtenOff = Lending.disbursed(led, Lending.member(led, "Dewi Lestari"), product, "2000000",
                disbursed.toString());
        UUID leader = Lending.member(led, "Rina Wati");
        UUID group = UUID.fromString(as(Tokens.clerk(led)).body(Map.of("name", "KUB Melati", "leaderMemberId", leader))
                .post(base(led) + "/groups").then().statusCode(201).extract().path("id"));
        long before = stored(led);

        // Threshold 0 (the default): each waits for a second manager.
        as(siti).body(Map.of("on", disbursed.plusMonths(2).plusDays(3).toString(), "installments", 12,
                "interestRate", "1", "reason", "Usaha kerupuk sagu terhenti karena banjir"))
                .post(base(led) + "/loans/" + rescheduled + "/reschedule").then().statusCode(202);
        as(ahmad).body(Map.of("note", "Disetujui rapat pengurus")).post(base(led) + "/loans/" + rescheduled
                + "/reschedule/approval").then().statusCode(201);
        as(siti).body(Map.of("on", day(-1), "reason", "Usaha tutup, anggota pindah ke luar daerah"))
                .post(base(led) + "/loans/" + writtenOff + "/write-off").then().statusCode(202);
        as(ahmad).body(Map.of("reason", "Masih bisa ditagih")).post(base(led) + "/loans/" + writtenOff
                + "/write-off/rejection").then().statusCode(200);
        String groupLoan = as(Tokens.clerk(led)).body(Map.of("productId", product, "purpose", "Modal bersama",
                "shares", List.of(Map.of("memberId", leader, "principal", "1000000"))))
                .post(base(led) + "/groups/" + group + "/loans").then().statusCode(201).extract().path("id");
        as(siti).body(Map.of()).post(base(led) + "/groups/" + group + "/loans/" + groupLoan + "/approval").then()
                .statusCode(200);

        List<Map<String, Object>> events = events(led).subList((int) before, (int) stored(led));
        assertEquals(List.of("reschedule.requested", "reschedule.approved", "loan.rescheduled",
                "write-off.requested", "write-off.rejected", "group-loan.applied", "group-loan.approved"),
                events.stream().map(e -> e.get("action")).toList());
        assertEquals("manager.ahmad", events.get(1).get("actor"));
        assertEquals(events.get(0).get("resourceId"), events.get(1).get("resourceId"));
        assertEquals(Map.of("old", "1", "new", "2"), change(events.get(2), "scheduleVersion"));
        assertEquals(rescheduled.toString(), events.get(2).get("resourceId"));
        assertEquals(Map.of("old", "PENDING_APPROVAL", "new", "REJECTED"), change(events.get(4), "status"));
        assertEquals("Masih bisa ditagih", change(events.get(4), "decisionNote").get("new"));
        assertEquals(groupLoan, events.get(6).get("resourceId"));
        assertEquals("1000000.00", change(events.get(5), "principal").get("new"));
    }

    @Test
    void aRefusedPrivilegedAttemptIsRecordedAlthoughTheRequestFailed() {
        UUID led = Api.createLed();
        assertProblem(as(Tokens.clerk(led)).body(Map.of("through", day(-1))).post(close(led)), 403,
                "forbidden");
        assertEquals(0, Db.number("SELECT count(*) FROM period_close WHERE led_id = ?", led));

        as(Tokens.manager(led)).get(audit(led)).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("POST /api/v1/leds/{ledId}/periods/close"))
                .body("items[0].outcome", equalTo("REFUSED"))
                .body("items[0].detail", equalTo("forbidden"))
                .body("items[0].actor", equalTo("clerk.budi"))
                .body("items[0].role", equalTo("led-clerk"))
                .body("items[0].resourceType", nullValue())
                .body("items[0].resourceId", nullValue())
                .body("items[0].changes.size()", equalTo(0));

        // Another LED's manager gets 404 and fills nobody's trail.
        UUID other = Api.createLed();
        assertProblem(as(Tokens.manager(other)).body(Map.of("through", day(-1))).post(close(led)), 404,
                "not-found");
        assertEquals(1, stored(led));
        assertEquals(0, stored(other));
    }

    @Test
    void onlyTheLedsManagersAndAuditorsReadTheTrail() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        for (String token : List.of(Tokens.clerk(led), Tokens.trainer(led), Tokens.districtOfficer(district))) {
            assertProblem(as(token).get(audit(led)), 403, "forbidden");
            assertProblem(as(token).get(audit(led) + "/verification"), 403, "forbidden");
        }
        assertProblem(as(Tokens.manager(Api.createLed())).get(audit(led)), 404, "not-found");
        assertProblem(as(Tokens.auditor(Api.createLed())).get(audit(led) + "/verification"), 404, "not-found");
        assertProblem(io.restassured.RestAssured.given().get(audit(led)), 401, "unauthenticated");
        // The six refused reads are themselves refused attempts inside the LED's scope.
        List<Map<String, Object>> events = events(led);
        assertEquals(6, events.size());
        assertEquals(List.of("led-clerk", "led-clerk", "trainer", "trainer", "district-officer", "district-officer"),
                events.stream().map(e -> e.get("role")).toList());
        assertEquals("GET /api/v1/leds/{ledId}/audit/verification", events.get(1).get("action"));
        as(Tokens.manager(led)).get(audit(led) + "/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("events", equalTo(6));
    }

    @Test
    void filtersByActorAndDayAndPagesBySequence() {
        UUID led = Api.createLed();
        UUID member = register(led, "1406014507900005");
        for (int i = 1; i <= 4; i++) {
            as(Tokens.manager(led)).body(Map.of("phone", "08526555123" + i)).patch(base(led) + "/members/" + member)
                    .then().statusCode(200);
        }
        String auditor = Tokens.auditor(led);
        Response first = as(auditor).get(audit(led) + "?limit=2");
        first.then().statusCode(200).body("items.sequence", contains(1, 2)).body("next", equalTo("2"));
        as(auditor).get(audit(led) + "?limit=2&after=" + first.path("next")).then().statusCode(200)
                .body("items.sequence", contains(3, 4)).body("next", equalTo("4"));
        as(auditor).get(audit(led) + "?limit=2&after=4").then().body("items.sequence", contains(5))
                .body("next", nullValue());
        as(auditor).get(audit(led) + "?actor=clerk.budi").then().body("items.sequence", contains(1));
        as(auditor).get(audit(led) + "?actor=manager.siti&after=3").then().body("items.sequence", contains(4, 5));
        as(auditor).get(audit(led) + "?actor=nobody").then().body("items", hasSize(0));
        as(auditor).get(audit(led) + "?from=" + TODAY + "&to=" + TODAY).then().body("items", hasSize(5));
        as(auditor).get(audit(led) + "?to=" + TODAY.minusDays(1)).then().body("items", hasSize(0));
        as(auditor).get(audit(led) + "?from=" + TODAY.plusDays(1)).then().body("items", hasSize(0));

        assertProblem(as(auditor).get(audit(led) + "?from=" + TODAY + "&to=" + TODAY.minusDays(1)), 400,
                "invalid-parameter", "to");
        assertProblem(as(auditor).get(audit(led) + "?limit=0"), 400, "invalid-parameter", "limit");
        assertProblem(as(auditor).get(audit(led) + "?limit=1001"), 400, "invalid-parameter", "limit");
        as(auditor).get(audit(led) + "?limit=1000").then().statusCode(200);
        assertProblem(as(auditor).get(audit(led) + "?after=abc"), 400, "invalid-parameter", "after");
        assertProblem(as(auditor).get(audit(led) + "?after=-1"), 400, "invalid-parameter", "after");
    }

    @Test
    void concurrentAuditedWritesNeverForkTheChain() throws Exception {
        UUID led = Api.createLed();
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(register(led, String.format("14060145079%05d", 100 + i)));
        }
        int tasks = 48;
        List<CompletableFuture<Http.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            if (i % 4 == 3) {
                // A refusal commits in a transaction of its own, racing the others for the head.
                answers.add(Http.postAsync(Tokens.clerk(led), close(led), Map.of("through", day(-1)), Map.of()));
            } else {
                answers.add(Http.sendAsync("PATCH", Tokens.manager(led), base(led) + "/members/"
                        + members.get(i % members.size()), Map.of("phone", "0852655500" + (10 + i)), Map.of()));
            }
        }
        int done = 0;
        int refused = 0;
        for (CompletableFuture<Http.Answer> answer : answers) {
            Http.Answer got = answer.get(2, TimeUnit.MINUTES);
            if (got.status() == 200) {
                done++;
            } else {
                assertEquals(403, got.status(), got::toString);
                refused++;
            }
        }
        assertEquals(36, done);
        assertEquals(12, refused);
        long total = members.size() + tasks;
        assertEquals(total, stored(led));
        assertEquals(total, Db.number("SELECT max(sequence) FROM audit_event WHERE led_id = ?", led));
        assertEquals(refused, Db.number("SELECT count(*) FROM audit_event WHERE led_id = ? AND outcome = 'REFUSED'",
                led));
        as(Tokens.auditor(led)).get(audit(led) + "/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("events", equalTo((int) total));
        JsonPath head = as(Tokens.auditor(led)).get(audit(led) + "?after=" + (total - 1)).then().extract().jsonPath();
        assertEquals(Db.number("SELECT last_sequence FROM audit_head WHERE led_id = ?", led), head.getLong(
                "items[0].sequence"));
        assertFalse(head.getString("items[0].hash").equals(GENESIS));
    }
}
