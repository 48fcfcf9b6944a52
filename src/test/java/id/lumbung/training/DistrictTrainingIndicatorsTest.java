package id.lumbung.training;

import static id.lumbung.support.Api.as;
import static id.lumbung.training.Training.base;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.Lending;
import id.lumbung.platform.security.Role;
import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A district's training indicators on two small hand-computed LEDs of one district and a third LED of
 * another district that must not count: the district's rates and medians recomputed from the pooled
 * trainees (and shown to differ from the mean of the LEDs' own), each LED's figures equal to its own
 * programme's indicators, and who may read them. Fixed dates, read as of 2026-06-30.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class DistrictTrainingIndicatorsTest {

    private static final String AS_OF = "2026-06-30";

    @Test
    void poolsTheDistrictsLedsAndRecomputesRatesFromThePooledRows() {
        UUID district = Api.createDistrict();
        UUID ledA = Api.createLed(district);
        UUID ledB = Api.createLed(district);
        UUID ledC = Api.createLed();

        // LED A: three trainees from 2026-01-05; two sessions; one completion; one loan.
        UUID pa = Training.programme(ledA, LocalDate.parse("2026-01-05"), LocalDate.parse("2026-04-30"));
        UUID a1 = enrol(ledA, pa, "Ani Lestari", "F", "2000-03-10");     // youth
        UUID a2 = enrol(ledA, pa, "Dedi Kurniawan", "M", "1985-05-20");  // adult
        UUID a3 = enrol(ledA, pa, "Gita Maharani", "F", "1965-08-08");   // elderly
        present(ledA, pa, "2026-01-10", "WRS", a1, a2);
        present(ledA, pa, "2026-01-24", "WRS", a1);
        complete(ledA, a1);
        outcome(ledA, a1, "2026-01-05", "1000000", false, false);
        outcome(ledA, a1, "2026-06-15", "2500000", true, true);
        as(Tokens.manager(ledA)).body(Map.of("source", "APBD Kabupaten Kampar 2026", "decreeNumber", "SK 12/2026",
                "amount", "500000000", "receivedOn", "2026-01-02")).post(base(ledA) + "/grants").then()
                .statusCode(201);
        UUID product = Lending.product(ledA, "FLAT", "1", "MONTH", "MONTHLY", 3, Map.of());
        // 3,000,000 on 05-15, nothing paid: the 06-15 installment is 15 days past due on 06-30.
        Lending.disbursed(ledA, memberOf(ledA, a1), product, "3000000", "2026-05-15");

        // LED B: two trainees from 2026-02-01; two sessions; both complete; a sponsor's in-kind assistance.
        UUID pb = Training.programme(ledB, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-04-30"));
        UUID b1 = enrol(ledB, pb, "Budi Santoso", "M", "1990-07-01");    // adult
        UUID b2 = enrol(ledB, pb, "Lina Marlina", "F", "2003-03-03");    // youth
        present(ledB, pb, "2026-02-07", "KEU", b1, b2);
        present(ledB, pb, "2026-02-21", "KEU", b1);
        complete(ledB, b1);
        complete(ledB, b2);
        outcome(ledB, b1, "2026-02-01", "800000", false, false);
        outcome(ledB, b1, "2026-06-15", "1200000", true, false);
        outcome(ledB, b2, "2026-02-01", "1500000", true, false);
        outcome(ledB, b2, "2026-06-15", "1500000", true, false);
        as(Tokens.clerk(ledB)).body(Map.of("kind", "IN_KIND", "description", "Mesin jahit", "value", "1500000",
                "givenOn", "2026-05-10", "paidByLed", false, "sponsor", "CSR PT Pertamina Hulu Rokan"))
                .post(base(ledB) + "/trainees/" + b1 + "/assistance").then().statusCode(201);

        // LED C, another district: one trainee who must not count anywhere.
        UUID pc = Training.programme(ledC, LocalDate.parse("2026-01-05"), LocalDate.parse("2026-04-30"));
        UUID c1 = enrol(ledC, pc, "Joko Susilo", "M", "1990-06-06");
        complete(ledC, c1);

        JsonPath body = as(Tokens.districtOfficer(district)).queryParam("asOf", AS_OF)
                .get("/api/v1/districts/" + district + "/training-indicators").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertEquals(district.toString(), body.getString("districtId"));
        assertEquals(AS_OF, body.getString("asOf"));
        assertEquals(2, body.getInt("programmes"));
        assertEquals(2, body.getList("leds").size());

        // Counts and amounts summed: 3 + 2 enrolled, 1 + 2 completed, 1 + 1 trainees with capital,
        // 3,000,000 (A's loan) + 1,500,000 (B's assistance).
        assertEquals(5, body.getInt("overall.enrolled"));
        assertEquals(3, body.getInt("overall.completed"));
        assertEquals(2, body.getInt("overall.capital.trainees"));
        assertEquals("4500000.00", body.getString("overall.capital.totalAmount"));
        // Completion rate recomputed from the pooled trainees: 3 completed ÷ 5 enrolled = 0.6000. The
        // mean of the LEDs' rates would be (1/3 + 2/2) ÷ 2 = 0.6667: not what the district is told.
        assertEquals("0.6000", body.getString("overall.completionRate"));
        assertEquals("0.3333", led(body, ledA).getString("overall.completionRate"));
        assertEquals("1.0000", led(body, ledB).getString("overall.completionRate"));
        assertNotEquals("0.6667", body.getString("overall.completionRate"));
        // Attendance: A's trainees 2/2, 1/2, 0/2 (mean 0.5000), B's 2/2, 1/2 (mean 0.7500); pooled
        // (1 + 0.5 + 0 + 1 + 0.5) ÷ 5 = 0.6000, not the mean of the LEDs' (0.5 + 0.75) ÷ 2 = 0.6250.
        assertEquals("0.6000", body.getString("overall.averageAttendanceRate"));
        assertEquals("0.5000", led(body, ledA).getString("overall.averageAttendanceRate"));
        assertEquals("0.7500", led(body, ledB).getString("overall.averageAttendanceRate"));
        // Median income now over the pooled latest outcomes 1,200,000, 1,500,000, 2,500,000: 1,500,000.
        // A's median is 2,500,000, B's (1,200,000 + 1,500,000) ÷ 2 = 1,350,000; their mean 1,925,000 is not it.
        assertEquals("1500000.00", body.getString("overall.monthlyIncome.medianNow"));
        assertEquals("2500000.00", led(body, ledA).getString("overall.monthlyIncome.medianNow"));
        assertEquals("1350000.00", led(body, ledB).getString("overall.monthlyIncome.medianNow"));
        // Days from completion (04-30) to first capital: A's 15 (loan 05-15), B's 10 (assistance 05-10);
        // the median of the pooled two is 12.5, half up 13.
        assertEquals(13, body.getInt("overall.capital.medianDaysFromCompletionToFirstCapital"));
        // The one trained borrower, 15 days past due; by gender and segment from the pooled rows.
        assertEquals(1, body.getInt("overall.trainedBorrowers.loans"));
        assertEquals("15.00", body.getString("overall.trainedBorrowers.averageDaysPastDue"));
        assertEquals(3, body.getInt("byGender.female.enrolled"));
        assertEquals(2, body.getInt("byGender.male.enrolled"));
        assertEquals(2, body.getInt("bySegment.youth.enrolled"));
        assertEquals(2, body.getInt("bySegment.adult.enrolled"));
        assertEquals(1, body.getInt("bySegment.elderly.enrolled"));
        assertEquals(2, led(body, ledB).getInt("overall.completed"));

        // Each LED's figures are its own programme's indicators, exactly.
        for (UUID[] own : List.of(new UUID[] {ledA, pa}, new UUID[] {ledB, pb})) {
            JsonPath programme = as(Tokens.districtOfficer(district)).queryParam("asOf", AS_OF)
                    .get(base(own[0]) + "/programmes/" + own[1] + "/indicators").then().statusCode(200).extract()
                    .jsonPath();
            JsonPath mine = led(body, own[0]);
            assertEquals(1, mine.getInt("programmes"));
            for (String part : List.of("overall", "bySegment", "byGender", "neverTrainedBorrowers")) {
                assertEquals(programme.getMap(part), mine.getMap(part), own[0] + " " + part);
            }
        }

        // An auditor whose scope names the district reads it too.
        as(Tokens.of(Role.AUDITOR, "auditor.rina", List.of(district), List.of())).queryParam("asOf", AS_OF)
                .get("/api/v1/districts/" + district + "/training-indicators").then().statusCode(200)
                .body("overall.enrolled", equalTo(5));
    }

    @Test
    void answersOutOfScopeWith404AndAnotherRoleWith403() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        UUID other = Api.createDistrict();
        String path = "/api/v1/districts/" + district + "/training-indicators";
        // The officer of another district, and an LED's roles whose token names only their LED: not theirs.
        for (String token : List.of(Tokens.districtOfficer(other), Tokens.manager(led), Tokens.auditor(led),
                Tokens.trainer(led))) {
            as(token).get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:lumbung:problem:not-found"));
        }
        // In scope but not a reader of the district's training: an LED role named over the district, the admin.
        for (String token : List.of(Tokens.of(Role.LED_MANAGER, "manager.siti", List.of(district), List.of()),
                Tokens.admin())) {
            as(token).get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:lumbung:problem:forbidden"));
        }
        // The admin asking after a district that does not exist: 404.
        as(Tokens.admin()).get("/api/v1/districts/" + UUID.randomUUID() + "/training-indicators").then()
                .statusCode(404);
        // A district with an LED and no programme yet: zeros, and nulls for the rates.
        as(Tokens.districtOfficer(district)).queryParam("asOf", AS_OF).get(path).then().statusCode(200)
                .body("programmes", equalTo(0)).body("overall.enrolled", equalTo(0))
                .body("leds[0].ledId", equalTo(led.toString()));
    }

    private static JsonPath led(JsonPath body, UUID led) {
        List<Map<String, Object>> leds = body.getList("leds");
        int index = 0;
        while (!leds.get(index).get("ledId").equals(led.toString())) {
            index++;
        }
        return JsonPath.from(body.prettify()).setRootPath("leds[" + index + "]");
    }

    private static UUID enrol(UUID led, UUID programme, String name, String gender, String birth) {
        return Training.enrol(led, programme, Training.member(led, name, gender, LocalDate.parse(birth)));
    }

    private static UUID memberOf(UUID led, UUID trainee) {
        return UUID.fromString(as(Tokens.trainer(led)).get(base(led) + "/trainees/" + trainee).then().statusCode(200)
                .extract().path("trainee.memberId"));
    }

    private static void present(UUID led, UUID programme, String heldOn, String module, UUID... trainees) {
        UUID session = Training.session(led, programme, LocalDate.parse(heldOn), module);
        as(Tokens.trainer(led)).body(Map.of("present", List.of(trainees))).put(base(led) + "/programmes/"
                + programme + "/sessions/" + session + "/attendance").then().statusCode(200);
    }

    private static void complete(UUID led, UUID trainee) {
        as(Tokens.trainer(led)).body(Map.of("completedOn", "2026-04-30"))
                .post(base(led) + "/trainees/" + trainee + "/completion").then().statusCode(200);
    }

    private static void outcome(UUID led, UUID trainee, String on, String income, boolean employed,
            boolean business) {
        as(Tokens.trainer(led)).body(Map.of("recordedOn", on, "monthlyIncome", income, "employed", employed,
                "businessStarted", business)).post(base(led) + "/trainees/" + trainee + "/outcomes").then()
                .statusCode(201);
    }
}
