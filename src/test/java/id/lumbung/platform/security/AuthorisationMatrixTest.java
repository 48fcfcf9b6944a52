package id.lumbung.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.lumbung.support.Operations;
import id.lumbung.support.Operations.Operation;
import id.lumbung.support.Snapshot;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import id.lumbung.support.Village;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Object-level authorisation over every operation of openapi.yaml (OWASP API1/API2): each is called
 * as every role in scope, as every role of another LED in another district, with ids of the other
 * LED's rows under this LED's path, and with no, an expired, a forged and a foreign issuer's token.
 * Out of scope answers 404 and never shows the other LED's data, a role that may not answers 403,
 * a caller without a valid token 401, and no refused call writes a row or moves a journal head.
 *
 * <p>Which role may call what is written out below as expectations ({@link #EXPECTED}), not read from
 * {@code LedPermission}: a change of permissions in the code has to be made here too, on purpose. An
 * operation of the contract missing from the table fails the test, as does an entry the contract no
 * longer has; only operations the contract declares {@code security: []} are exempt.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class AuthorisationMatrixTest {

    /** What a role in scope gets from an operation. */
    enum Outcome {
        /** Not refused for who is asking (any answer but 401, 403 forbidden, 404 or 5xx; a GET: 200). */
        ALLOW,
        /** 403 {@code forbidden}: the role may not. */
        FORBID,
        /** 404 {@code not-found}: nothing of the kind is in the role's scope (the admin and an LED's books). */
        HIDDEN
    }

    private static final String ADMIN = Role.ADMIN;
    private static final String OFFICER = Role.DISTRICT_OFFICER;
    private static final String MANAGER = Role.LED_MANAGER;
    private static final String CLERK = Role.LED_CLERK;
    private static final String AUDITOR = Role.AUDITOR;
    private static final String TRAINER = Role.TRAINER;
    private static final List<String> ROLES = List.of(ADMIN, OFFICER, MANAGER, CLERK, AUDITOR, TRAINER);

    // The role sets of DESIGN §6 and the README's role table, as this test expects them.
    /** See the LED, its products and settings: everyone with the LED in scope. */
    private static final Set<String> VIEW = Set.of(OFFICER, MANAGER, CLERK, AUDITOR, TRAINER);
    /** Read the books: not the trainer. */
    private static final Set<String> BOOKS = Set.of(OFFICER, MANAGER, CLERK, AUDITOR);
    /** Members and KUB groups are the trainer's to read too. */
    private static final Set<String> MEMBERS = VIEW;
    /** Record the day's business: manager and clerk. */
    private static final Set<String> RECORD = Set.of(MANAGER, CLERK);
    /** Decide, reverse, adjust, close, configure: the manager alone. */
    private static final Set<String> MANAGE = Set.of(MANAGER);
    /** Grants: the district's officer or the LED's manager. */
    private static final Set<String> GRANT = Set.of(OFFICER, MANAGER);
    /** Training data: the trainer records it with the manager and the clerk; money stays RECORD. */
    private static final Set<String> TRAINING = Set.of(MANAGER, CLERK, TRAINER);
    /** The audit trail: the manager and the auditor. */
    private static final Set<String> AUDIT = Set.of(MANAGER, AUDITOR);

    /** Expected outcome by operationId and role, for callers in scope. */
    static final Map<String, Map<String, Outcome>> EXPECTED = new TreeMap<>();

    static {
        platform("listDistricts", Outcome.ALLOW, ROLES.toArray(String[]::new));
        platform("createDistrict", Outcome.FORBID, ADMIN);
        platform("getDistrict", Outcome.HIDDEN, ADMIN, OFFICER);
        platform("openLed", Outcome.FORBID, ADMIN, OFFICER);
        platform("listLeds", Outcome.ALLOW, ROLES.toArray(String[]::new));
        platform("getLed", Outcome.ALLOW, ROLES.toArray(String[]::new));

        led("listAuditEvents", AUDIT);
        led("verifyAuditTrail", AUDIT);
        led("listAccounts", BOOKS);
        led("submitBatch", RECORD);
        led("getBatch", BOOKS);
        led("createAccount", MANAGE);
        led("getAccount", BOOKS);
        led("recordContribution", RECORD);
        led("listContributions", BOOKS);
        led("getContribution", BOOKS);
        led("recordExpense", RECORD);
        led("listExpenses", BOOKS);
        led("getExpense", BOOKS);
        led("recordGrant", GRANT);
        led("listGrants", BOOKS);
        led("getGrant", BOOKS);
        led("listGroups", MEMBERS);
        led("createGroup", RECORD);
        led("getGroup", MEMBERS);
        led("listGroupLoans", BOOKS);
        led("applyForGroupLoan", RECORD);
        led("getGroupLoan", BOOKS);
        led("approveGroupLoan", MANAGE);
        led("disburseGroupLoan", MANAGE);
        led("rejectGroupLoan", MANAGE);
        led("recordGroupRepayment", RECORD);
        led("listGroupRepayments", BOOKS);
        led("getGroupRepayment", BOOKS);
        led("reverseGroupRepayment", MANAGE);
        led("postAdjustment", MANAGE);
        led("listJournalEntries", BOOKS);
        led("listPendingAdjustments", BOOKS);
        led("getPendingAdjustment", BOOKS);
        led("approveAdjustment", MANAGE);
        led("rejectAdjustment", MANAGE);
        led("getJournalEntry", BOOKS);
        led("reverseEntry", MANAGE);
        led("verifyJournal", BOOKS);
        led("getLatestJournalVerification", BOOKS);
        led("listLoanProducts", VIEW);
        led("createLoanProduct", MANAGE);
        led("retireLoanProduct", MANAGE);
        led("getLoanProduct", VIEW);
        led("previewLoanSchedule", VIEW);
        led("listLoans", BOOKS);
        led("applyForLoan", RECORD);
        led("getLoan", BOOKS);
        led("approveLoan", MANAGE);
        led("disburseLoan", MANAGE);
        led("reverseLoanDisbursement", MANAGE);
        led("recordRecovery", RECORD);
        led("listRecoveries", BOOKS);
        led("rejectLoan", MANAGE);
        led("recordRepayment", RECORD);
        led("listRepayments", BOOKS);
        led("getRepayment", BOOKS);
        led("reverseRepayment", MANAGE);
        led("getPendingReschedule", BOOKS);
        led("rescheduleLoan", MANAGE);
        led("approveReschedule", MANAGE);
        led("rejectReschedule", MANAGE);
        led("getLoanSchedule", BOOKS);
        led("writeOffLoan", MANAGE);
        led("getLoanWriteOff", BOOKS);
        led("approveLoanWriteOff", MANAGE);
        led("rejectLoanWriteOff", MANAGE);
        led("listMembers", MEMBERS);
        led("registerMember", RECORD);
        led("updateMember", RECORD);
        led("getMember", MEMBERS);
        led("getSavings", BOOKS);
        led("depositSavings", RECORD);
        led("getSavingsMovement", BOOKS);
        led("withdrawSavings", RECORD);
        led("importMembers", RECORD);
        led("postOpeningBalances", MANAGE);
        led("getOpeningBalances", BOOKS);
        led("listPeriods", BOOKS);
        led("closePeriod", MANAGE);
        led("getPortfolio", VIEW);
        led("getTrialBalance", BOOKS);
        led("getBalanceSheet", BOOKS);
        led("getIncomeStatement", BOOKS);
        led("getCashFlow", BOOKS);
        led("listYearEnds", BOOKS);
        led("getYearEnd", BOOKS);
        led("createYearEnd", MANAGE);
        led("approveYearEnd", MANAGE);
        led("rejectYearEnd", MANAGE);
        led("getStatementSettings", BOOKS);
        led("replaceStatementSettings", MANAGE);
        led("getAccountLedger", BOOKS);
        led("getCashBook", BOOKS);
        led("getEquityChanges", BOOKS);
        led("getStatementNotes", BOOKS);
        led("provisionLoanLosses", MANAGE);
        led("listProvisions", BOOKS);
        led("getProvision", BOOKS);
        led("replaceLendingSettings", MANAGE);
        led("getLendingSettings", VIEW);
        led("getLoanQualitySettings", VIEW);
        led("changeLoanQualitySettings", MANAGE);
        led("recordTransfer", RECORD);
        led("listTransfers", BOOKS);
        led("getTransfer", BOOKS);
        led("createProgramme", TRAINING);
        led("listProgrammes", VIEW);
        led("getProgramme", VIEW);
        led("recordSession", TRAINING);
        led("replaceAttendance", TRAINING);
        led("enrollTrainee", TRAINING);
        led("listTrainees", VIEW);
        led("getTrainee", VIEW);
        led("recordEvaluation", TRAINING);
        led("updateEvaluation", TRAINING);
        led("recordFeedback", TRAINING);
        led("completeTraining", TRAINING);
        led("withdrawTrainee", TRAINING);
        led("assignMentor", TRAINING);
        led("recordOutcome", TRAINING);
        led("recordFundingReceipt", RECORD);
        led("recordProgrammeExpense", RECORD);
        led("recordCapitalAssistance", RECORD);
        led("getTraineeCapital", VIEW);
        led("getProgrammeIndicators", VIEW);
        led("getProgrammeQuarterlyReport", VIEW);
        // The district officer; LED roles' tokens name only their LED (404); the admin may see, not read it (403).
        platform("getDistrictTrainingIndicators", Outcome.HIDDEN, OFFICER);
        EXPECTED.get("getDistrictTrainingIndicators").put(ADMIN, Outcome.FORBID);
        // The district officer and the admin, who answers the broken-chain alert (no amounts, no members in it).
        platform("getDistrictJournalVerifications", Outcome.HIDDEN, ADMIN, OFFICER);
    }

    private static Village home;
    private static Village other;

    /** An operation of an LED's books: the roles listed may, the others may not, the admin sees no books. */
    private static void led(String operationId, Set<String> may) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String role : ROLES) {
            outcomes.put(role, role.equals(ADMIN) ? Outcome.HIDDEN : may.contains(role) ? Outcome.ALLOW
                    : Outcome.FORBID);
        }
        put(operationId, outcomes);
    }

    /** A platform operation (districts, LEDs): the roles listed may, the others get {@code others}. */
    private static void platform(String operationId, Outcome others, String... may) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Set<String> allowed = Set.of(may);
        for (String role : ROLES) {
            outcomes.put(role, allowed.contains(role) ? Outcome.ALLOW : others);
        }
        put(operationId, outcomes);
    }

    private static void put(String operationId, Map<String, Outcome> outcomes) {
        if (EXPECTED.put(operationId, outcomes) != null) {
            throw new IllegalStateException("two expectations for " + operationId);
        }
    }

    @BeforeEach
    void villages() {
        if (home == null) {
            home = Village.of("Kuok " + UUID.randomUUID().toString().substring(0, 6));
            other = Village.of("Bangkinang " + UUID.randomUUID().toString().substring(0, 6));
        }
    }

    @Test
    void everyOperationOfTheContractHasExpectationsAndNoneIsStale() {
        Set<String> protectedOps = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        for (Operation operation : Operations.all()) {
            (operation.open() ? open : protectedOps).add(operation.id());
        }
        Set<String> missing = new TreeSet<>(protectedOps);
        missing.removeAll(EXPECTED.keySet());
        Set<String> stale = new TreeSet<>(EXPECTED.keySet());
        stale.removeAll(protectedOps);
        assertTrue(missing.isEmpty(), () -> "operations of openapi.yaml without an expectation in "
                + "AuthorisationMatrixTest.EXPECTED (add one per role): " + missing);
        assertTrue(stale.isEmpty(), () -> "expectations for operations openapi.yaml does not have (or declares "
                + "security: [], which needs none): " + stale);
    }

    @Test
    void everyOperationAnswersEachCallerAsItsRoleAndScopeAllow() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> calls = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, String> homeTokens = home.tokens();
        Map<String, String> invalid = invalidTokens();
        List<Operation> operations = new ArrayList<>(Operations.all());
        // Reads first, so that a write allowed in scope cannot take away a row a later read expects.
        operations.sort(Comparator.comparing(o -> o.method().equals("GET") ? 0 : 1));
        for (Operation operation : operations) {
            if (operation.open()) {
                continue;
            }
            Map<String, Outcome> expected = EXPECTED.get(operation.id());
            if (expected == null) {
                failures.add(operation + ": no expectation (see the other test)");
                continue;
            }
            Snapshot before = Snapshot.take();
            String homePath = Village.fill(operation.template(), home.ids(operation.template()));
            for (Map.Entry<String, String> token : invalid.entrySet()) {
                Response response = call(operation, token.getValue(), homePath);
                count(calls, statuses, "no valid token", response);
                expect(failures, operation, token.getKey(), homePath, response, 401, "unauthenticated");
            }
            for (String role : ROLES) {
                Outcome outcome = expected.get(role);
                if (outcome == Outcome.ALLOW) {
                    continue;
                }
                Response response = call(operation, homeTokens.get(role), homePath);
                count(calls, statuses, outcome == Outcome.FORBID ? "wrong role" : "role without scope", response);
                expect(failures, operation, role, homePath, response, outcome == Outcome.FORBID ? 403 : 404,
                        outcome == Outcome.FORBID ? "forbidden" : "not-found");
            }
            outsiders(operation, failures, calls, statuses);
            foreignIds(operation, expected, homeTokens, failures, calls, statuses);
            List<String> changes = before.changesTo(Snapshot.take());
            if (!changes.isEmpty()) {
                failures.add(operation + ": refused calls wrote " + changes);
            }
            for (String role : ROLES) {
                if (expected.get(role) == Outcome.ALLOW) {
                    Response response = call(operation, homeTokens.get(role), homePath);
                    count(calls, statuses, "allowed in scope", response);
                    allowed(failures, operation, role, homePath, response);
                }
            }
        }
        print(calls, statuses);
        assertEquals(List.of(), failures, () -> failures.size() + " authorisation failures:\n  "
                + String.join("\n  ", failures));
    }

    /** Every role of the other village (another LED, another district) on this one's paths: 404. */
    private static void outsiders(Operation operation, List<String> failures, Map<String, Integer> calls,
            Map<Integer, Integer> statuses) {
        boolean ledPath = operation.template().contains("{ledId}");
        boolean districtPath = operation.template().contains("{districtId}");
        if (!ledPath && !districtPath) {
            return;
        }
        String path = Village.fill(operation.template(), home.ids(operation.template()));
        Map<String, String> strangers = new LinkedHashMap<>(other.tokens());
        strangers.put("clerk of an LED that does not exist", Tokens.clerk(UUID.randomUUID()));
        strangers.put("officer of a district that does not exist", Tokens.districtOfficer(UUID.randomUUID()));
        for (Map.Entry<String, String> stranger : strangers.entrySet()) {
            boolean adminSeesEveryLed = stranger.getKey().equals(ADMIN)
                    && (operation.id().equals("getLed") || districtPath);
            if (adminSeesEveryLed) {
                continue;
            }
            Response response = call(operation, stranger.getValue(), path);
            count(calls, statuses, "another LED or district", response);
            expect(failures, operation, "other village's " + stranger.getKey(), path, response, 404, "not-found");
        }
    }

    /**
     * This village's roles that may call the operation, on this village's path with ids of the other
     * village's rows (all at once, and each alone): 404, never the other village's row.
     */
    private static void foreignIds(Operation operation, Map<String, Outcome> expected, Map<String, String> tokens,
            List<String> failures, Map<String, Integer> calls, Map<Integer, Integer> statuses) {
        Map<String, String> own = home.ids(operation.template());
        Map<String, String> foreign = other.ids(operation.template());
        List<String> objects = own.keySet().stream()
                .filter(p -> !p.equals("ledId") && !p.equals("districtId") && !p.equals("accountCode")).toList();
        if (objects.isEmpty() || !own.containsKey("ledId")) {
            return;
        }
        List<Map<String, String>> variants = new ArrayList<>();
        Map<String, String> all = new LinkedHashMap<>(own);
        objects.forEach(p -> all.put(p, foreign.get(p)));
        variants.add(all);
        if (objects.size() > 1) {
            for (String p : objects) {
                Map<String, String> one = new LinkedHashMap<>(own);
                one.put(p, foreign.get(p));
                variants.add(one);
            }
        }
        for (Map<String, String> ids : variants) {
            String path = Village.fill(operation.template(), ids);
            for (String role : ROLES) {
                if (expected.get(role) == Outcome.ALLOW) {
                    Response response = call(operation, tokens.get(role), path);
                    count(calls, statuses, "other LED's ids in this LED", response);
                    expect(failures, operation, role + " with the other LED's ids", path, response, 404,
                            "not-found");
                }
            }
        }
    }

    private static void expect(List<String> failures, Operation operation, String who, String path,
            Response response, int status, String slug) {
        String type = response.contentType() != null && response.contentType().contains("json")
                ? response.jsonPath().getString("type") : null;
        if (response.statusCode() != status || !("urn:lumbung:problem:" + slug).equals(type)) {
            failures.add(operation + " as " + who + " on " + path + ": expected " + status + " " + slug + ", got "
                    + response.statusCode() + " " + abbreviate(response.asString()));
            return;
        }
        leaks(failures, operation, who, response);
    }

    private static void allowed(List<String> failures, Operation operation, String role, String path,
            Response response) {
        int status = response.statusCode();
        String type = status >= 400 ? response.jsonPath().getString("type") : null;
        boolean refused = status == 401 || status == 404 || status >= 500
                || status == 403 && "urn:lumbung:problem:forbidden".equals(type);
        if (refused || operation.method().equals("GET") && status != 200) {
            failures.add(operation + " as " + role + " in scope on " + path + ": expected it allowed"
                    + (operation.method().equals("GET") ? " (200)" : "") + ", got " + status + " "
                    + abbreviate(response.asString()));
        }
        leaks(failures, operation, role, response);
    }

    /** No answer on {@link #home}'s path shows a member of {@link #other}. */
    private static void leaks(List<String> failures, Operation operation, String who, Response response) {
        String body = response.asString();
        for (String marker : other.memberNames) {
            if (body.contains(marker)) {
                failures.add(operation + " as " + who + ": the answer shows the other village's member " + marker);
            }
        }
        for (String nik : other.niks) {
            if (body.contains(nik)) {
                failures.add(operation + " as " + who + ": the answer shows a NIK of the other village");
            }
        }
    }

    private static Response call(Operation operation, String token, String path) {
        RequestSpecification request = RestAssured.given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (operation.hasBody()) {
            request.contentType(operation.mediaType()).body(operation.example() == null ? "{}" : operation.example());
        }
        return request.request(operation.method(), path);
    }

    /** Tokens that must not get anyone in: none, expired, signed with another key, of another issuer. */
    private static Map<String, String> invalidTokens() throws Exception {
        PrivateKey devKey = DevTokenCli.readPrivateKey(Path.of("config/dev/jwt-private.pem"));
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("an expired token", Tokens.expired(home.led));
        tokens.put("a token signed with a key the service does not trust", Tokens.forged(home.led));
        tokens.put("a token of another issuer", Jwt.issuer("https://login.example.org").subject("manager.siti")
                .upn("manager.siti").groups(MANAGER).claim("districts", List.of())
                .claim("leds", List.of(home.led.toString())).expiresIn(3600).sign(devKey));
        return tokens;
    }

    private static void count(Map<String, Integer> calls, Map<Integer, Integer> statuses, String kind,
            Response response) {
        calls.merge(kind, 1, Integer::sum);
        statuses.merge(response.statusCode(), 1, Integer::sum);
    }

    private static void print(Map<String, Integer> calls, Map<Integer, Integer> statuses) {
        int total = calls.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder out = new StringBuilder("\nAuthorisation matrix: " + EXPECTED.size() + " operations, "
                + total + " calls\n  by kind of caller:\n");
        calls.forEach((kind, n) -> out.append(String.format("    %-32s %6d%n", kind, n)));
        out.append("  by status:\n");
        statuses.forEach((status, n) -> out.append(String.format("    %-32d %6d%n", status, n)));
        System.out.println(out);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
