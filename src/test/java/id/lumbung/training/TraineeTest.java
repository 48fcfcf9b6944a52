package id.lumbung.training;

import static id.lumbung.support.Api.as;
import static id.lumbung.training.Training.TODAY;
import static id.lumbung.training.Training.base;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Trainees: enrolment and segments, evaluations, feedback, exit, mentor and outcomes. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class TraineeTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    private static String trainees(UUID led, UUID programme) {
        return base(led) + "/programmes/" + programme + "/trainees";
    }

    @Test
    void segmentComesFromTheAgeInCompletedYearsOnTheProgrammesStart() {
        UUID led = Api.createLed();
        UUID programme = Training.programme(led, START);
        // Ages on 2026-03-02: 18 on the day, 30 the day before turning 31, 31 on the day, 50, 51.
        Map<String, LocalDate> births = Map.of("Andi", LocalDate.of(2008, 3, 2), "Bayu", LocalDate.of(1995, 3, 3),
                "Citra", LocalDate.of(1995, 3, 2), "Dedi", LocalDate.of(1975, 3, 3), "Eka", LocalDate.of(1975, 3, 2));
        Map<String, String> expected = Map.of("Andi", "YOUTH", "Bayu", "YOUTH", "Citra", "ADULT", "Dedi", "ADULT",
                "Eka", "ELDERLY");
        Map<String, Integer> ages = Map.of("Andi", 18, "Bayu", 30, "Citra", 31, "Dedi", 50, "Eka", 51);
        for (Map.Entry<String, LocalDate> birth : births.entrySet()) {
            String gender = birth.getKey().equals("Citra") || birth.getKey().equals("Eka") ? "F" : "M";
            UUID member = Training.member(led, birth.getKey() + " Duri", gender, birth.getValue());
            as(Tokens.trainer(led)).body(Map.of("memberId", member)).post(trainees(led, programme)).then()
                    .statusCode(201)
                    .body("segment", equalTo(expected.get(birth.getKey())))
                    .body("ageAtStart", equalTo(ages.get(birth.getKey())))
                    .body("enrolledOn", equalTo("2026-03-02"))
                    .body("status", equalTo("ENROLLED"))
                    .body("gender", equalTo(gender))
                    .body("$", not(org.hamcrest.Matchers.hasKey("nik")));
        }
        as(Tokens.trainer(led)).get(trainees(led, programme) + "?segment=YOUTH").then().statusCode(200)
                .body("items.name", containsInAnyOrder("Andi Duri", "Bayu Duri"));
        as(Tokens.trainer(led)).get(trainees(led, programme) + "?segment=ADULT&gender=F").then().statusCode(200)
                .body("items.name", contains("Citra Duri"));
        as(Tokens.trainer(led)).get(trainees(led, programme) + "?gender=F").then()
                .body("items.name", containsInAnyOrder("Citra Duri", "Eka Duri"));
        as(Tokens.trainer(led)).get(trainees(led, programme) + "?status=COMPLETED").then()
                .body("items", hasSize(0));
        // An unknown value of an enum filter answers 404 not-found, as every enum filter of the API does.
        as(Tokens.trainer(led)).get(trainees(led, programme) + "?segment=CHILD").then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.auditor(led)).get(base(led) + "/programmes/" + programme).then()
                .body("enrolment.enrolled", equalTo(5)).body("enrolment.active", equalTo(5));
    }

    @Test
    void someoneBornOnLeapDayTurns18OnTheFirstOfMarch() {
        UUID led = Api.createLed();
        UUID member = Training.member(led, "Fitri Leap", "F", LocalDate.of(2008, 2, 29));
        UUID onTheTwentyEighth = Training.programme(led, LocalDate.of(2026, 2, 28));
        UUID onTheFirst = Training.programme(led, LocalDate.of(2026, 3, 1));
        long before = Training.rows();
        as(Tokens.trainer(led)).body(Map.of("memberId", member)).post(trainees(led, onTheTwentyEighth)).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:trainee-under-age"));
        assertEquals(before, Training.rows());
        as(Tokens.trainer(led)).body(Map.of("memberId", member)).post(trainees(led, onTheFirst)).then()
                .statusCode(201).body("ageAtStart", equalTo(18)).body("segment", equalTo("YOUTH"));
    }

    @Test
    void aNewcomerBecomesAMemberButOnlyAClerkOrManagerMayRegisterThem() {
        UUID led = Api.createLed();
        UUID programme = Training.programme(led, START);
        Map<String, Object> dewi = Training.person("Dewi Lestari", "F", LocalDate.of(2001, 8, 2));
        long before = Training.rows();
        as(Tokens.trainer(led)).body(Map.of("person", dewi)).post(trainees(led, programme)).then().statusCode(403)
                .body("type", equalTo("urn:lumbung:problem:forbidden"));
        assertEquals(before, Training.rows());

        Response enrolled = as(Tokens.clerk(led)).body(Map.of("person", dewi, "enrolledOn", "2026-03-05"))
                .post(trainees(led, programme));
        enrolled.then().statusCode(201).body("name", equalTo("Dewi Lestari")).body("segment", equalTo("YOUTH"))
                .body("enrolledOn", equalTo("2026-03-05"));
        String memberId = enrolled.path("memberId");
        as(Tokens.trainer(led)).get(base(led) + "/members/" + memberId).then().statusCode(200)
                .body("groupId", nullValue())
                .body("nik", equalTo(((String) dewi.get("nik")).substring(0, 6) + "******"
                        + ((String) dewi.get("nik")).substring(12)));
        assertFalse(enrolled.asString().contains((String) dewi.get("nik")), "no NIK in the trainee");

        // Same NIK again: the member rules answer.
        UUID second = Training.programme(led, START);
        as(Tokens.manager(led)).body(Map.of("person", dewi)).post(trainees(led, second)).then().statusCode(409)
                .body("type", equalTo("urn:lumbung:problem:duplicate-nik"));
        // A bad NIK is the member rules' 400.
        Map<String, Object> badNik = Training.person("Rudi Hartono", "M", LocalDate.of(1990, 1, 1));
        badNik.put("nik", "1234");
        as(Tokens.manager(led)).body(Map.of("person", badNik)).post(trainees(led, second)).then().statusCode(400)
                .body("fields[0].field", equalTo("person.nik"));
        // Under 18: refused before anyone is registered.
        before = Training.rows();
        as(Tokens.clerk(led)).body(Map.of("person", Training.person("Gilang Muda", "M", LocalDate.of(2010, 5, 1))))
                .post(trainees(led, second)).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:trainee-under-age"));
        Map<String, Object> grouped = Training.person("Hana Kelompok", "F", LocalDate.of(1990, 5, 1));
        grouped.put("groupId", UUID.randomUUID());
        as(Tokens.clerk(led)).body(Map.of("person", grouped)).post(trainees(led, second)).then().statusCode(400)
                .body("fields[0].field", equalTo("person.groupId"));
        as(Tokens.clerk(led)).body(Map.of("memberId", UUID.randomUUID(), "person", dewi))
                .post(trainees(led, second)).then().statusCode(400);
        as(Tokens.clerk(led)).body(Map.of("memberId", UUID.randomUUID())).post(trainees(led, second)).then()
                .statusCode(422).body("type", equalTo("urn:lumbung:problem:unknown-member"));
        assertEquals(before, Training.rows());
    }

    @Test
    void theSamePersonTwiceInOneProgrammeIsAConflict() {
        UUID led = Api.createLed();
        UUID programme = Training.programme(led, START);
        UUID late = Training.programme(led, START);
        UUID member = Training.member(led, "Siti Rahmawati", "F", LocalDate.of(1990, 7, 5));
        Training.enrol(led, programme, member);
        long before = Training.rows();
        as(Tokens.trainer(led)).body(Map.of("memberId", member)).post(trainees(led, programme)).then()
                .statusCode(409).body("type", equalTo("urn:lumbung:problem:duplicate-trainee"));
        as(Tokens.trainer(led)).body(Map.of("memberId", member, "enrolledOn", "2026-09-01"))
                .post(trainees(led, late)).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:date-outside-programme"));
        assertEquals(before, Training.rows());
        // The same member in another programme is a new trainee.
        Training.enrol(led, Training.programme(led, START), member);
    }

    @Test
    void anEvaluationIsOncePerModuleAndItsCorrectionIsAudited() {
        UUID led = Api.createLed();
        UUID programme = Training.programme(led, START);
        UUID trainee = Training.enrol(led, programme, Training.member(led, "Siti Rahmawati", "F",
                LocalDate.of(1990, 7, 5)));
        String evaluations = base(led) + "/trainees/" + trainee + "/evaluations";
        Response first = as(Tokens.trainer(led)).body(Map.of("moduleCode", "KEU", "score", 58, "evaluatedOn",
                "2026-04-15")).post(evaluations);
        first.then().statusCode(201).body("score", equalTo(58)).body("passed", equalTo(false))
                .body("recordedBy", equalTo("trainer.yusuf"));
        String id = first.path("id");

        long before = Training.rows();
        as(Tokens.trainer(led)).body(Map.of("moduleCode", "KEU", "score", 90, "evaluatedOn", "2026-04-16"))
                .post(evaluations).then().statusCode(409)
                .body("type", equalTo("urn:lumbung:problem:duplicate-evaluation"));
        as(Tokens.trainer(led)).body(Map.of("moduleCode", "PKX", "score", 90, "evaluatedOn", "2026-04-16"))
                .post(evaluations).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:unknown-module"));
        for (int score : new int[] {-1, 101}) {
            as(Tokens.trainer(led)).body(Map.of("moduleCode", "WRS", "score", score, "evaluatedOn", "2026-04-16"))
                    .post(evaluations).then().statusCode(400)
                    .body("type", equalTo("urn:lumbung:problem:validation-failed"))
                    .body("fields[0].field", equalTo("score"));
        }
        as(Tokens.trainer(led)).body(Map.of("moduleCode", "WRS", "score", 70, "evaluatedOn", "2026-03-01"))
                .post(evaluations).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:date-before-enrolment"));
        assertEquals(before, Training.rows());

        as(Tokens.manager(led)).body(Map.of("score", 62, "evaluatedOn", "2026-04-15")).put(evaluations + "/" + id)
                .then().statusCode(200).body("score", equalTo(62)).body("passed", equalTo(true))
                .body("recordedBy", equalTo("trainer.yusuf")).body("updatedBy", equalTo("manager.siti"));
        as(Tokens.manager(led)).body(Map.of("score", 101, "evaluatedOn", "2026-04-15")).put(evaluations + "/" + id)
                .then().statusCode(400);
        as(Tokens.manager(led)).body(Map.of("score", 62, "evaluatedOn", "2026-04-15"))
                .put(evaluations + "/" + UUID.randomUUID()).then().statusCode(404);

        Response audit = as(Tokens.manager(led)).get(base(led) + "/audit?limit=1000");
        audit.then().statusCode(200);
        List<Map<String, Object>> corrections = audit.jsonPath().getList(
                "items.findAll { it.action == 'trainee.evaluation.corrected' }");
        assertEquals(1, corrections.size());
        assertEquals("manager.siti", corrections.get(0).get("actor"));
        assertEquals(id, corrections.get(0).get("resourceId"));
        assertEquals(Map.of("old", "58", "new", "62"),
                ((Map<?, ?>) corrections.get(0).get("changes")).get("score"));
        as(Tokens.auditor(led)).get(base(led) + "/trainees/" + trainee).then().statusCode(200)
                .body("evaluations", hasSize(1)).body("evaluations[0].score", equalTo(62));
    }

    @Test
    void aTraineeCompletesOrWithdrawsOnceAndNeverBeforeEnrolment() {
        UUID led = Api.createLed();
        UUID programme = Training.programme(led, START);
        UUID siti = Training.enrol(led, programme, Training.member(led, "Siti Rahmawati", "F",
                LocalDate.of(1990, 7, 5)));
        UUID budi = Training.enrol(led, programme, Training.member(led, "Budi Santoso", "M",
                LocalDate.of(1988, 2, 1)));
        long before = Training.rows();
        as(Tokens.trainer(led)).body(Map.of("completedOn", "2026-02-27")).post(base(led) + "/trainees/" + siti
                + "/completion").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:date-before-enrolment"))
                .body("fields[0].field", equalTo("completedOn"));
        as(Tokens.trainer(led)).body(Map.of("completedOn", TODAY.plusDays(1).toString()))
                .post(base(led) + "/trainees/" + siti + "/completion").then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:effective-date-in-future"));
        assertEquals(before, Training.rows());

        as(Tokens.trainer(led)).body(Map.of("completedOn", "2026-08-28")).post(base(led) + "/trainees/" + siti
                + "/completion").then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("completedOn", equalTo("2026-08-28"));
        as(Tokens.trainer(led)).body(Map.of("completedOn", "2026-08-29")).post(base(led) + "/trainees/" + siti
                + "/completion").then().statusCode(409).body("type", equalTo("urn:lumbung:problem:trainee-status"));
        as(Tokens.trainer(led)).body(Map.of("on", "2026-08-29")).post(base(led) + "/trainees/" + siti
                + "/withdrawal").then().statusCode(409).body("type", equalTo("urn:lumbung:problem:trainee-status"));

        as(Tokens.clerk(led)).body(Map.of("on", "2026-05-04", "reason", "Pindah kerja ke Pekanbaru"))
                .post(base(led) + "/trainees/" + budi + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawnOn", equalTo("2026-05-04"))
                .body("withdrawalReason", equalTo("Pindah kerja ke Pekanbaru"));
        as(Tokens.trainer(led)).get(trainees(led, programme) + "?status=WITHDRAWN").then()
                .body("items.name", contains("Budi Santoso"));
        as(Tokens.auditor(led)).get(base(led) + "/programmes/" + programme).then()
                .body("enrolment.enrolled", equalTo(2)).body("enrolment.active", equalTo(0))
                .body("enrolment.completed", equalTo(1)).body("enrolment.withdrawn", equalTo(1));
    }

    @Test
    void recordsFeedbackAMentorAndOutcomesRefusingANegativeIncome() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        UUID programme = Training.programme(led, START);
        UUID trainee = Training.enrol(led, programme, Training.member(led, "Siti Rahmawati", "F",
                LocalDate.of(1990, 7, 5)));
        String one = base(led) + "/trainees/" + trainee;
        as(Tokens.trainer(led)).body(Map.of("givenOn", "2026-04-15", "rating", 5, "comment",
                "Modul Pengelolaan Keuangan sangat membantu usaha kami")).post(one + "/feedback").then()
                .statusCode(201).body("rating", equalTo(5));
        as(Tokens.trainer(led)).body(Map.of("name", "Hendra Gunawan", "field", "Pemasaran digital"))
                .post(one + "/mentor").then().statusCode(200).body("mentor.name", equalTo("Hendra Gunawan"))
                .body("mentor.field", equalTo("Pemasaran digital"));
        Map<String, Object> baseline = new HashMap<>(Map.of("recordedOn", "2026-03-02", "monthlyIncome", "1200000",
                "employed", false, "businessStarted", false));
        as(Tokens.trainer(led)).body(baseline).post(one + "/outcomes").then().statusCode(201)
                .body("monthlyIncome", equalTo("1200000.00"));
        Map<String, Object> later = new HashMap<>(Map.of("recordedOn", "2026-09-30", "monthlyIncome", "2750000.00",
                "employed", true, "businessStarted", true, "businessName", "Keripik Nanas Duri",
                "businessSector", "Makanan olahan"));
        as(Tokens.trainer(led)).body(later).post(one + "/outcomes").then().statusCode(201)
                .body("businessStarted", equalTo(true));

        long before = Training.rows();
        for (int rating : new int[] {0, 6}) {
            as(Tokens.trainer(led)).body(Map.of("givenOn", "2026-04-15", "rating", rating)).post(one + "/feedback")
                    .then().statusCode(400).body("fields[0].field", equalTo("rating"));
        }
        as(Tokens.trainer(led)).body(Map.of("givenOn", "2026-03-01", "rating", 4)).post(one + "/feedback")
                .then().statusCode(422).body("type", equalTo("urn:lumbung:problem:date-before-enrolment"));
        Map<String, Object> negative = new HashMap<>(baseline);
        negative.put("monthlyIncome", "-50000");
        as(Tokens.trainer(led)).body(negative).post(one + "/outcomes").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:negative-income"))
                .body("fields[0].field", equalTo("monthlyIncome"));
        Map<String, Object> strangeGroup = new HashMap<>(baseline);
        strangeGroup.put("joinedGroupId", UUID.randomUUID());
        as(Tokens.trainer(led)).body(strangeGroup).post(one + "/outcomes").then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:unknown-group"));
        assertEquals(before, Training.rows());

        as(Tokens.districtOfficer(district)).get(one).then().statusCode(200)
                .body("trainee.mentor.name", equalTo("Hendra Gunawan"))
                .body("feedback", hasSize(1))
                .body("outcomes.monthlyIncome", contains("1200000.00", "2750000.00"));
        assertEquals(2, Db.number("SELECT count(*) FROM training_outcome WHERE trainee_id = ?", trainee));
    }
}
