package id.lumbung.loan;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.Problems;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Kolektibilitas through the API: presets at a boundary, custom tables, effective dating, the filter, roles. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class LoanQualityTest {

    /** 3,000,000 over 10 monthly installments of 300,000 + 45,000 (FLAT 1.5 %), no penalty. */
    private static UUID monthlyProduct(UUID led) {
        return Lending.product(led, "FLAT", "1.5", "MONTH", "MONTHLY", 10, Map.of());
    }

    private static UUID weeklyProduct(UUID led) {
        return Lending.product(led, "FLAT", "0.5", "MONTH", "WEEKLY", 30, Map.of());
    }

    private static LocalDate due(UUID led, UUID loan, int number) {
        return LocalDate.parse(Lending.schedule(led, loan).then().statusCode(200).extract()
                .<String>path("installments[" + (number - 1) + "].dueOn"));
    }

    private static Response asOf(UUID led, UUID loan, LocalDate day) {
        return as(Tokens.auditor(led)).queryParam("asOf", day.toString()).get(base(led) + "/loans/" + loan);
    }

    private static void assertClass(UUID led, UUID loan, LocalDate day, String kolektibilitas, String provision) {
        asOf(led, loan, day).then().statusCode(200)
                .body("asOf", equalTo(day.toString()))
                .body("kolektibilitas", equalTo(kolektibilitas))
                .body("provisionRequired", equalTo(provision));
    }

    private static Response put(UUID led, Map<String, Object> body) {
        return as(Tokens.manager(led)).body(body).put(settings(led));
    }

    private static String settings(UUID led) {
        return base(led) + "/settings/loan-quality";
    }

    private static Map<String, Object> band(String kolektibilitas, Integer upTo, String percent) {
        Map<String, Object> band = new HashMap<>();
        band.put("class", kolektibilitas);
        band.put("upTo", upTo);
        band.put("provisionPercent", percent);
        return band;
    }

    private static long changes(UUID led) {
        return Db.number("SELECT count(*) FROM loan_quality_change WHERE led_id = ?", led);
    }

    @Test
    void bankIsTheDefaultAndClassesByDaysPastDueAtItsBoundaries() {
        UUID led = Lending.funded();
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), monthlyProduct(led), "3000000",
                day(-250));
        LocalDate first = due(led, loan, 1);

        as(Tokens.trainer(led)).get(settings(led)).then().statusCode(200)
                .body("inForce.preset", equalTo("BANK"))
                .body("inForce.measure", equalTo("DAYS_PAST_DUE"))
                .body("inForce.classes.class", contains("LANCAR", "DALAM_PERHATIAN_KHUSUS", "KURANG_LANCAR",
                        "DIRAGUKAN", "MACET"))
                .body("inForce.classes.upTo", contains(0, 90, 120, 180, null))
                .body("inForce.classes.provisionPercent", contains("1", "5", "15", "50", "100"))
                .body("changeId", nullValue())
                .body("history", hasSize(0));

        assertClass(led, loan, LocalDate.parse(day(-251)), null, null);
        // Due on the day is not overdue yet: 0 days past due.
        assertClass(led, loan, first, "LANCAR", "30000.00");
        assertClass(led, loan, first.plusDays(1), "DALAM_PERHATIAN_KHUSUS", "150000.00");
        assertClass(led, loan, first.plusDays(90), "DALAM_PERHATIAN_KHUSUS", "150000.00");
        assertClass(led, loan, first.plusDays(91), "KURANG_LANCAR", "450000.00");
        asOf(led, loan, first.plusDays(91)).then().body("daysPastDue", equalTo(91));
        assertClass(led, loan, first.plusDays(121), "DIRAGUKAN", "1500000.00");

        // A repayment changes the class from its day: the first installment paid on day 100 leaves the second
        // one (due about day 30) as the oldest unpaid.
        Lending.repay(led, loan, "345000", first.plusDays(100).toString()).then().statusCode(201)
                .body("loan.kolektibilitas", notNullValue());
        asOf(led, loan, first.plusDays(100)).then().body("outstandingPrincipal", equalTo("2700000.00"))
                .body("kolektibilitas", equalTo("DALAM_PERHATIAN_KHUSUS"))
                .body("provisionRequired", equalTo("135000.00"));
    }

    @Test
    void lkmPresetCountsMissedMonthlyInstallmentsIncludingOneDueThatDay() {
        UUID led = Lending.funded();
        put(led, Map.of("preset", "LKM", "effectiveFrom", day(-300))).then().statusCode(200)
                .body("inForce.preset", equalTo("LKM"))
                .body("inForce.measure", equalTo("MISSED_INSTALLMENTS"))
                .body("inForce.classes.class", contains("LANCAR", "DIRAGUKAN", "MACET"))
                .body("inForce.classes.upTo", contains(3, 9, null))
                .body("inForce.weeklyClasses.upTo", contains(4, 8, null))
                .body("inForce.classes.provisionPercent", contains("0", "50", "100"));
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), monthlyProduct(led), "3000000",
                day(-250));

        assertClass(led, loan, due(led, loan, 4).minusDays(1), "LANCAR", "0.00");
        assertClass(led, loan, due(led, loan, 4), "DIRAGUKAN", "1500000.00");
        asOf(led, loan, due(led, loan, 4)).then().body("installmentsInArrears", equalTo(3));
    }

    @Test
    void upkPresetCountsFourMissedWeeksAsAMonthRoundingUp() {
        UUID led = Lending.funded();
        put(led, Map.of("preset", "UPK", "effectiveFrom", day(-300))).then().statusCode(200)
                .body("inForce.weeklyClasses.upTo", contains(0, 8, 16, 24, null))
                .body("inForce.classes.upTo", contains(0, 2, 4, 6, null));
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), weeklyProduct(led), "3000000",
                day(-100));

        assertClass(led, loan, due(led, loan, 1).minusDays(1), "LANCAR", "30000.00");
        assertClass(led, loan, due(led, loan, 1), "DALAM_PERHATIAN_KHUSUS", "300000.00");
        assertClass(led, loan, due(led, loan, 8), "DALAM_PERHATIAN_KHUSUS", "300000.00");
        assertClass(led, loan, due(led, loan, 9), "KURANG_LANCAR", "750000.00");
    }

    @Test
    void customTableClassesLoansAndIsShownAsSent() {
        UUID led = Lending.funded();
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), monthlyProduct(led), "3000000",
                day(-250));
        put(led, Map.of("measure", "DAYS_PAST_DUE", "effectiveFrom", day(-300), "classes", List.of(
                band("LANCAR", 30, "0.5"), band("DIRAGUKAN", 60, "50.00"), band("MACET", null, "100"))))
                .then().statusCode(200)
                .body("inForce.preset", nullValue())
                .body("inForce.classes.provisionPercent", contains("0.5", "50", "100"))
                .body("inForce.weeklyClasses.upTo", contains(30, 60, null));
        LocalDate first = due(led, loan, 1);

        assertClass(led, loan, first.plusDays(30), "LANCAR", "15000.00");
        assertClass(led, loan, first.plusDays(31), "DIRAGUKAN", "1500000.00");
        assertClass(led, loan, first.plusDays(61), "MACET", "3000000.00");
    }

    @Test
    void badTablesAreRefusedWithANamedTypeAndNothingWritten() {
        UUID led = Lending.funded();
        Map<String, Map<String, Object>> bad = Map.of(
                "classes", Map.of("measure", "DAYS_PAST_DUE", "classes", List.of(band("LANCAR", 0, "1"),
                        band("KURANG_LANCAR", 90, "10"), band("DIRAGUKAN", 180, "50"), band("MACET", null, "100"))),
                "classes[1].upTo", Map.of("measure", "DAYS_PAST_DUE", "classes", List.of(band("LANCAR", 30, "1"),
                        band("DIRAGUKAN", 30, "50"), band("MACET", null, "100"))),
                "classes[1].upTo,classes[2].upTo", Map.of("measure", "MISSED_INSTALLMENTS", "classes", List.of(
                        band("LANCAR", 1, "1"), band("DIRAGUKAN", null, "50"), band("MACET", 9, "100"))));
        bad.forEach((fields, body) -> {
            Response response = Problems.rejected(() -> put(led, body));
            assertProblem(response, 422, "loan-quality-table-invalid", fields.split(","));
        });
        assertProblem(put(led, Map.of("preset", "UPK", "measure", "DAYS_PAST_DUE")), 400, "validation-failed",
                "preset");
        assertProblem(put(led, Map.of()), 400, "validation-failed", "preset");
        assertProblem(put(led, Map.of("preset", "UPK", "effectiveFrom", day(1))), 422, "effective-date-in-future",
                "effectiveFrom");
        assertEquals(0, changes(led));
    }

    @Test
    void aLaterChangeLeavesAnEarlierDaysClassAndIsAudited() {
        UUID led = Lending.funded();
        UUID loan = Lending.disbursed(led, Lending.member(led, "Siti Aminah"), monthlyProduct(led), "3000000",
                day(-250));
        LocalDate earlier = due(led, loan, 1).plusDays(10);
        assertClass(led, loan, earlier, "DALAM_PERHATIAN_KHUSUS", "150000.00");

        LocalDate from = earlier.plusDays(1);
        put(led, Map.of("preset", "LKM", "effectiveFrom", from.toString())).then().statusCode(200)
                .body("asOf", equalTo(from.toString()))
                .body("effectiveFrom", equalTo(from.toString()))
                .body("changeId", notNullValue())
                .body("history", hasSize(1))
                .body("history[0].changedBy", equalTo("manager.siti"))
                .body("history[0].changedAt", notNullValue())
                .body("history[0].from.preset", equalTo("BANK"))
                .body("history[0].to.preset", equalTo("LKM"));

        assertClass(led, loan, earlier, "DALAM_PERHATIAN_KHUSUS", "150000.00");
        assertClass(led, loan, from, "LANCAR", "0.00");
        as(Tokens.auditor(led)).queryParam("asOf", earlier.toString()).get(settings(led)).then().statusCode(200)
                .body("inForce.preset", equalTo("BANK"))
                .body("changeId", nullValue())
                .body("history", hasSize(1));

        // Not before the latest change; the same setting again records nothing.
        Response early = Problems.rejected(() -> put(led, Map.of("preset", "UPK", "effectiveFrom",
                earlier.toString())));
        assertProblem(early, 409, "loan-quality-change-out-of-order", "effectiveFrom");
        put(led, Map.of("preset", "LKM")).then().statusCode(200).body("history", hasSize(1));
        put(led, Map.of("preset", "UPK")).then().statusCode(200)
                .body("inForce.preset", equalTo("UPK"))
                .body("history.to.preset", contains("LKM", "UPK"))
                .body("history[1].from.preset", equalTo("LKM"));
        assertEquals(2, changes(led));
        assertClass(led, loan, earlier, "DALAM_PERHATIAN_KHUSUS", "150000.00");
    }

    @Test
    void aChangeCannotReachIntoAClosedPeriod() {
        UUID led = Lending.funded();
        as(Tokens.manager(led)).body(Map.of("through", day(-30))).post(base(led) + "/periods/close").then()
                .statusCode(201);
        assertProblem(Problems.rejected(() -> put(led, Map.of("preset", "UPK", "effectiveFrom", day(-30)))), 409,
                "period-closed", "effectiveFrom");
        put(led, Map.of("preset", "UPK", "effectiveFrom", day(-29))).then().statusCode(200);
    }

    @Test
    void listsLoansOfOneClassAsOfADayPageByPage() {
        UUID led = Lending.funded();
        UUID product = monthlyProduct(led);
        UUID siti = Lending.member(led, "Siti Aminah");
        UUID current = Lending.disbursed(led, siti, product, "3000000", day(-20));
        UUID late = Lending.disbursed(led, Lending.member(led, "Rina Marlina"), product, "2000000", day(-60));
        UUID later = Lending.disbursed(led, Lending.member(led, "Dewi Sartika"), product, "1000000", day(-90));
        Lending.approved(led, siti, product, "500000");
        String today = day(0);

        as(Tokens.clerk(led)).queryParam("kolektibilitas", "DALAM_PERHATIAN_KHUSUS").queryParam("asOf", today)
                .get(base(led) + "/loans").then().statusCode(200)
                .body("items.id", contains(late.toString(), later.toString()))
                .body("items.kolektibilitas", contains("DALAM_PERHATIAN_KHUSUS", "DALAM_PERHATIAN_KHUSUS"))
                .body("next", nullValue());
        Response first = as(Tokens.clerk(led)).queryParam("kolektibilitas", "DALAM_PERHATIAN_KHUSUS")
                .queryParam("limit", 1).get(base(led) + "/loans");
        first.then().statusCode(200).body("items.id", contains(late.toString())).body("next", notNullValue());
        as(Tokens.clerk(led)).queryParam("kolektibilitas", "DALAM_PERHATIAN_KHUSUS").queryParam("limit", 1)
                .queryParam("after", first.<String>path("next")).get(base(led) + "/loans").then().statusCode(200)
                .body("items.id", contains(later.toString())).body("next", nullValue());
        as(Tokens.clerk(led)).queryParam("kolektibilitas", "LANCAR").get(base(led) + "/loans").then()
                .statusCode(200).body("items.id", contains(current.toString()));
        // Before any of them was disbursed, none has a class.
        as(Tokens.clerk(led)).queryParam("kolektibilitas", "LANCAR").queryParam("asOf", day(-91))
                .get(base(led) + "/loans").then().statusCode(200).body("items", hasSize(0));
        as(Tokens.clerk(led)).get(base(led) + "/loans").then().statusCode(200)
                .body("items.kolektibilitas", contains("LANCAR", "DALAM_PERHATIAN_KHUSUS", "DALAM_PERHATIAN_KHUSUS",
                        null))
                .body("items.provisionRequired", contains("30000.00", "100000.00", "50000.00", null));
    }

    @Test
    void onlyTheManagerChangesTheSettingAndAnotherLedsAnswerNotFound() {
        UUID led = Lending.funded();
        assertProblem(Problems.rejected(() -> as(Tokens.clerk(led)).body(Map.of("preset", "UPK"))
                .put(settings(led))), 403, "forbidden");
        as(Tokens.clerk(led)).get(settings(led)).then().statusCode(200);
        UUID other = Api.createLed();
        assertProblem(as(Tokens.manager(other)).body(Map.of("preset", "UPK")).put(settings(led)), 404,
                "not-found");
        assertProblem(as(Tokens.manager(other)).get(settings(led)), 404, "not-found");
        assertEquals(0, changes(led));
    }
}
