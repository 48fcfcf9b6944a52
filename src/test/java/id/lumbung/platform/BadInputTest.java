package id.lumbung.platform;

import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.lumbung.support.Api;
import id.lumbung.support.Problems;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A table of bad requests: each must be answered with the right 4xx and problem type, name the
 * offending field where there is one, leak nothing of the implementation, and write nothing.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class BadInputTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);
    /** The date of the entry every {@link Books} holds. */
    private static final LocalDate ENTRY_DATE = TODAY.minusDays(2);

    /** An LED with one posted entry, and another LED its manager must not reach. */
    record Books(UUID led, UUID otherLed, UUID entry) {

        String path(String tail) {
            return "/api/v1/leds/" + led + tail;
        }

        String manager() {
            return Tokens.manager(led);
        }
    }

    /** How a case sends its request to the books it was given. */
    @FunctionalInterface
    interface Send {
        Response to(Books books);
    }

    /** One bad request; {@code fields} are the offending fields the problem must list (null: not checked). */
    record BadRequest(Supplier<Books> given, Send send, int status, String slug, List<String> fields) {
    }

    private static Books shared;

    /** Rejected requests write nothing, so most cases can share one set of books. */
    private static Books sharedBooks() {
        if (shared == null) {
            shared = freshBooks();
        }
        return shared;
    }

    private static Books freshBooks() {
        UUID led = Api.createLed();
        UUID entry = Api.post(led, ENTRY_DATE.toString(), "1-1100", "3-1200", "1000.00");
        return new Books(led, Api.createLed(), entry);
    }

    /** Books of their own, closed through yesterday. */
    private static Books closedThroughYesterday() {
        Books books = freshBooks();
        as(books.manager()).body(Map.of("through", YESTERDAY.toString()))
                .post(books.path("/periods/close")).then().statusCode(201);
        return books;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersWithAProblemAndWritesNothing(BadRequest bad) {
        Books books = bad.given().get();
        Response response = Problems.rejected(() -> bad.send().to(books));
        if (bad.fields() == null) {
            assertProblem(response, bad.status(), bad.slug());
        } else {
            assertProblem(response, bad.status(), bad.slug(), bad.fields().toArray(String[]::new));
        }
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // The body is not JSON, or not the JSON object the endpoint reads.
                bad("truncated JSON", 400, "malformed-json",
                        postEntry("{\"effectiveDate\": \"" + TODAY + "\", \"postings\": [")),
                bad("not JSON at all", 400, "malformed-json", postEntry("Kas masuk seratus ribu")),
                bad("empty body", 400, "validation-failed", postEntry(""), "body"),
                bad("JSON array instead of object", 400, "malformed-json", postEntry("[]")),
                bad("JSON string instead of object", 400, "malformed-json", postEntry("\"ADJUSTMENT\"")),

                // Wrong JSON types.
                bad("amount as boolean", 400, "validation-failed", postEntry(entryWithSecondAmount(true)),
                        "postings[1].amount"),
                bad("amount as object", 400, "validation-failed",
                        postEntry(entryWithSecondAmount(Map.of("value", "100.00"))), "postings[1].amount"),
                bad("effective date as number", 400, "validation-failed",
                        postEntry(entryWith("effectiveDate", 20260315)), "effectiveDate"),
                bad("effective date not a date", 400, "validation-failed",
                        postEntry(entryWith("effectiveDate", "15/03/2026")), "effectiveDate"),
                bad("effective date with a time", 400, "validation-failed",
                        postEntry(entryWith("effectiveDate", TODAY + "T10:00:00")), "effectiveDate"),
                bad("postings as object", 400, "validation-failed",
                        postEntry(entryWith("postings", line("1-1100", "DEBIT", "100.00"))), "postings"),
                bad("side LEFT", 400, "validation-failed",
                        postEntry(entryWithPostings(line("1-1100", "LEFT", "100.00"),
                                line("3-1200", "CREDIT", "100.00"))),
                        "postings[0].side"),
                bad("kind FOO", 400, "validation-failed", postEntry(entryWith("kind", "FOO")), "kind"),

                // Amounts.
                bad("negative amount", 400, "validation-failed", postEntry(entryWithSecondAmount("-100.00")),
                        "postings[1].amount"),
                bad("zero amount", 400, "validation-failed", postEntry(entryWithSecondAmount("0.00")),
                        "postings[1].amount"),
                bad("amount with three decimals", 400, "validation-failed",
                        postEntry(entryWithSecondAmount("100.005")), "postings[1].amount"),
                bad("amount beyond 9999999999999999.99", 400, "validation-failed",
                        postEntry(entryWithSecondAmount("10000000000000000.00")), "postings[1].amount"),
                bad("amount with exponent as string", 400, "validation-failed",
                        postEntry(entryWithSecondAmount("1e5")), "postings[1].amount"),
                bad("amount with exponent as JSON number", 400, "validation-failed", postEntry("""
                        {"effectiveDate": "%s", "description": "Penyesuaian", "postings": [
                          {"account": "1-1100", "side": "DEBIT", "amount": 1E+5},
                          {"account": "3-1200", "side": "CREDIT", "amount": "100000.00"}]}""".formatted(TODAY)),
                        "postings[0].amount"),
                bad("missing amount", 400, "validation-failed",
                        postEntry(entryWithPostings(Map.of("account", "1-1100", "side", "DEBIT"),
                                line("3-1200", "CREDIT", "100.00"))),
                        "postings[0].amount"),

                // Entries that are well-formed but break the rules of the books.
                bad("unbalanced postings", 422, "entry-unbalanced", postEntry(entryWithPostings(
                        line("1-1100", "DEBIT", "100.00"), line("3-1200", "CREDIT", "99.99")))),
                bad("a single posting", 400, "validation-failed",
                        postEntry(entryWithPostings(line("1-1100", "DEBIT", "100.00"))), "postings"),
                bad("201 postings", 400, "validation-failed", postEntry(entryWith("postings", postings(201))),
                        "postings"),
                bad("unknown account code", 422, "unknown-account", postEntry(entryWithPostings(
                        line("1-9999", "DEBIT", "100.00"), line("3-1200", "CREDIT", "100.00")))),
                bad("malformed account code", 400, "validation-failed", postEntry(entryWithPostings(
                        line("kas", "DEBIT", "100.00"), line("3-1200", "CREDIT", "100.00"))), "postings[0].account"),
                bad("effective date in the future", 422, "effective-date-in-future",
                        postEntry(entryWith("effectiveDate", TODAY.plusDays(1).toString()))),
                badOnClosedBooks("effective date in a closed period", 409, "period-closed",
                        postEntry(entryWith("effectiveDate", YESTERDAY.toString()))),
                bad("kind REVERSAL on the adjustment endpoint", 422, "kind-not-allowed",
                        postEntry(entryWith("kind", "REVERSAL"))),
                bad("kind GRANT on the adjustment endpoint", 422, "kind-not-allowed",
                        postEntry(entryWith("kind", "GRANT"))),
                bad("unknown field", 400, "unknown-field", postEntry(entryWith("memo", "catatan")), "memo"),
                bad("unknown field in a posting", 400, "unknown-field", postEntry(entryWithPostings(
                        Map.of("account", "1-1100", "side", "DEBIT", "amount", "100.00", "memo", "x"),
                        line("3-1200", "CREDIT", "100.00"))), "postings[0].memo"),
                bad("description of 501 characters", 400, "validation-failed",
                        postEntry(entryWith("description", "a".repeat(501))), "description"),
                bad("control characters in description", 400, "validation-failed",
                        postEntry(entryWith("description", "Setoran\u0007kas\u0000")), "description"),
                bad("blank description", 400, "validation-failed", postEntry(entryWith("description", "   ")),
                        "description"),
                bad("missing effective date", 400, "validation-failed", postEntry(entryWithout("effectiveDate")),
                        "effectiveDate"),
                bad("missing postings", 400, "validation-failed", postEntry(entryWithout("postings")), "postings"),

                // The chart of accounts.
                bad("duplicate account code", 409, "duplicate-account-code",
                        postAccount(account("1-1100", "ASSET", null))),
                bad("account code not matching its type", 422, "account-code-type-mismatch",
                        postAccount(account("1-1500", "EXPENSE", null))),
                bad("unknown parent account", 422, "unknown-parent-account",
                        postAccount(account("5-1410", "EXPENSE", "5-1400"))),
                bad("parent account of another type", 422, "parent-type-mismatch",
                        postAccount(account("5-1410", "EXPENSE", "1-1100"))),
                bad("malformed account code on create", 400, "validation-failed",
                        postAccount(account("11-00", "ASSET", null)), "code"),
                bad("account type UNKNOWN", 400, "validation-failed", postAccount(account("1-1500", "CASH", null)),
                        "type"),

                // Tenancy and addressing.
                bad("another LED's id in the path", 404, "not-found",
                        b -> as(b.manager()).body(entry()).post("/api/v1/leds/" + b.otherLed() + "/journal-entries")),
                bad("LED id that does not exist", 404, "not-found",
                        b -> as(b.manager()).get("/api/v1/leds/" + UUID.randomUUID() + "/accounts")),
                bad("LED id that is not a UUID", 404, "not-found",
                        b -> as(b.manager()).get("/api/v1/leds/desa-kuok/accounts")),
                bad("unknown entry id", 404, "not-found",
                        b -> as(b.manager()).get(b.path("/journal-entries/" + UUID.randomUUID()))),
                bad("reversal of an unknown entry", 404, "not-found", b -> as(b.manager())
                        .body(Map.of("reason", "salah input"))
                        .post(b.path("/journal-entries/" + UUID.randomUUID() + "/reversal"))),
                bad("unknown account code on GET", 404, "not-found",
                        b -> as(b.manager()).get(b.path("/accounts/1-9999"))),

                // Who is asking.
                bad("missing token", 401, "unauthenticated",
                        b -> given().contentType(ContentType.JSON).body(entry()).post(b.path("/journal-entries"))),
                bad("expired token", 401, "unauthenticated", postEntryAs(b -> Tokens.expired(b.led()))),
                bad("forged token", 401, "unauthenticated", postEntryAs(b -> Tokens.forged(b.led()))),
                bad("garbage token", 401, "unauthenticated", postEntryAs(b -> "not.a.jwt")),
                bad("clerk posts an adjustment", 403, "forbidden", postEntryAs(b -> Tokens.clerk(b.led()))),
                bad("trainer reads accounts", 403, "forbidden",
                        b -> as(Tokens.trainer(b.led())).get(b.path("/accounts"))),
                bad("admin reads an LED's accounts", 404, "not-found",
                        b -> as(Tokens.admin()).get(b.path("/accounts"))),

                // Headers, parameters and media types.
                bad("Idempotency-Key of 300 characters", 400, "invalid-idempotency-key",
                        postEntryWithKey("k".repeat(300))),
                bad("Idempotency-Key with a space", 400, "invalid-idempotency-key", postEntryWithKey("kunci ulang")),
                bad("limit=0", 400, "invalid-parameter",
                        b -> as(b.manager()).queryParam("limit", 0).get(b.path("/accounts")), "limit"),
                bad("limit=501", 400, "invalid-parameter",
                        b -> as(b.manager()).queryParam("limit", 501).get(b.path("/journal-entries")), "limit"),
                bad("after=!!! on accounts", 400, "invalid-parameter",
                        b -> as(b.manager()).queryParam("after", "!!!").get(b.path("/accounts")), "after"),
                bad("after=!!! on LEDs", 400, "invalid-parameter",
                        b -> as(b.manager()).queryParam("after", "!!!").get("/api/v1/leds"), "after"),
                bad("after that is not an entry cursor", 400, "invalid-parameter",
                        b -> as(b.manager()).queryParam("after", "YWJj").get(b.path("/journal-entries")), "after"),
                bad("from after to", 400, "invalid-parameter", b -> as(b.manager())
                        .queryParam("from", TODAY.toString()).queryParam("to", YESTERDAY.toString())
                        .get(b.path("/journal-entries")), "from"),
                bad("account filter naming no account", 400, "invalid-parameter",
                        b -> as(b.manager()).queryParam("account", "1-9999").get(b.path("/journal-entries")),
                        "account"),
                bad("text/plain body", 415, "unsupported-media-type", b -> as(b.manager()).contentType(ContentType.TEXT)
                        .body("effectiveDate=" + TODAY).post(b.path("/journal-entries"))),

                // Periods.
                bad("close a period in the future", 422, "period-in-future",
                        closePeriod(TODAY.plusDays(1).toString())),
                badOnClosedBooks("close a period before the current close", 409, "period-already-closed",
                        closePeriod(YESTERDAY.minusDays(1).toString())),
                badOnClosedBooks("close the same period again", 409, "period-already-closed",
                        closePeriod(YESTERDAY.toString())),
                bad("close without a date", 400, "validation-failed",
                        b -> as(b.manager()).body(Map.of()).post(b.path("/periods/close")), "through"),

                // Reversals.
                bad("reversal dated before the original", 400, "validation-failed", reverse(Map.of(
                        "reason", "Transfer ditolak bank", "effectiveDate", ENTRY_DATE.minusDays(1).toString())),
                        "effectiveDate"),
                bad("reversal without a reason", 400, "validation-failed", reverse(Map.of()), "reason"));
    }

    private static Arguments bad(String name, int status, String slug, Send send, String... fields) {
        return Arguments.of(Named.of(name, new BadRequest(BadInputTest::sharedBooks, send, status, slug,
                fields.length == 0 ? null : List.of(fields))));
    }

    private static Arguments badOnClosedBooks(String name, int status, String slug, Send send) {
        return Arguments.of(Named.of(name,
                new BadRequest(BadInputTest::closedThroughYesterday, send, status, slug, null)));
    }

    private static Send postEntry(Object body) {
        return b -> as(b.manager()).body(body).post(b.path("/journal-entries"));
    }

    private static Send postEntryAs(java.util.function.Function<Books, String> token) {
        return b -> as(token.apply(b)).body(entry()).post(b.path("/journal-entries"));
    }

    private static Send postEntryWithKey(String idempotencyKey) {
        return b -> as(b.manager()).header("Idempotency-Key", idempotencyKey).body(entry())
                .post(b.path("/journal-entries"));
    }

    private static Send postAccount(Object body) {
        return b -> as(b.manager()).body(body).post(b.path("/accounts"));
    }

    private static Send closePeriod(String through) {
        return b -> as(b.manager()).body(Map.of("through", through)).post(b.path("/periods/close"));
    }

    private static Send reverse(Object body) {
        return b -> as(b.manager()).body(body).post(b.path("/journal-entries/" + b.entry() + "/reversal"));
    }

    /** A valid adjustment; the cases spoil one part of it. */
    private static Map<String, Object> entry() {
        return entryWithPostings(line("1-1100", "DEBIT", "100.00"), line("3-1200", "CREDIT", "100.00"));
    }

    private static Map<String, Object> entryWithPostings(Object... lines) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("effectiveDate", TODAY.toString());
        entry.put("description", "Penyesuaian kas");
        entry.put("kind", "ADJUSTMENT");
        entry.put("postings", List.of(lines));
        return entry;
    }

    private static Map<String, Object> entryWith(String field, Object value) {
        Map<String, Object> entry = entry();
        entry.put(field, value);
        return entry;
    }

    private static Map<String, Object> entryWithout(String field) {
        Map<String, Object> entry = entry();
        entry.remove(field);
        return entry;
    }

    /** A balanced-looking entry whose second posting carries {@code amount}. */
    private static Map<String, Object> entryWithSecondAmount(Object amount) {
        return entryWithPostings(line("1-1100", "DEBIT", "100.00"), line("3-1200", "CREDIT", amount));
    }

    private static Map<String, Object> line(String account, String side, Object amount) {
        return Map.of("account", account, "side", side, "amount", amount);
    }

    /** {@code count} balanced postings: one credit against debits of 1.00. */
    private static List<Map<String, Object>> postings(int count) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            lines.add(line("1-1100", "DEBIT", "1.00"));
        }
        lines.add(line("3-1200", "CREDIT", (count - 1) + ".00"));
        return lines;
    }

    private static Map<String, Object> account(String code, String type, String parentCode) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("code", code);
        account.put("name", "Akun " + code);
        account.put("type", type);
        if (parentCode != null) {
            account.put("parentCode", parentCode);
        }
        return account;
    }
}
