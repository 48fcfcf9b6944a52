package id.lumbung.training;

import static id.lumbung.support.Api.as;
import static id.lumbung.training.Training.TODAY;
import static id.lumbung.training.Training.base;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Programmes, their sessions and attendance, over HTTP on a real database. */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ProgrammeTest {

    private static Map<String, Object> programme(String startsOn, String endsOn, List<Map<String, Object>> modules) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Pelatihan Kewirausahaan Digital Duri Selatan");
        body.put("startsOn", startsOn);
        body.put("endsOn", endsOn);
        body.put("modules", modules);
        return body;
    }

    private static Map<String, Object> module(String code) {
        return Map.of("code", code, "title", "Pengelolaan Keuangan", "area", "FINANCIAL_MANAGEMENT");
    }

    @Test
    void trainerCreatesAProgrammeThatEveryReaderSeesWithModulesAndFunding() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        UUID programme = Training.programme(led, TODAY.minusDays(30));
        for (String token : List.of(Tokens.trainer(led), Tokens.auditor(led), Tokens.districtOfficer(district),
                Tokens.clerk(led))) {
            as(token).get(base(led) + "/programmes/" + programme).then().statusCode(200)
                    .body("name", equalTo("Pelatihan Kewirausahaan Digital Duri Selatan"))
                    .body("venue", equalTo("Balai Desa Duri Selatan"))
                    .body("venueType", equalTo("VILLAGE_HALL"))
                    .body("segment", equalTo("YOUTH"))
                    .body("sessionsPerWeek", equalTo(2))
                    .body("modules.code", contains("WRS", "KEU"))
                    .body("modules[1].title", equalTo("Pengelolaan Keuangan"))
                    .body("modules[1].area", equalTo("FINANCIAL_MANAGEMENT"))
                    .body("sessionsHeld", equalTo(0))
                    .body("enrolment.enrolled", equalTo(0))
                    .body("funding.lines.name",
                            contains("APBD Kabupaten Bengkalis 2026", "CSR PT Pertamina Hulu Rokan"))
                    .body("funding.lines[0].pledged", equalTo("45000000.00"))
                    .body("funding.lines[0].received", equalTo("0.00"))
                    .body("funding.total.pledged", equalTo("75000000.00"))
                    .body("funding.total.spent", equalTo("0.00"))
                    .body("createdBy", equalTo("trainer.yusuf"));
        }
        as(Tokens.trainer(led)).get(base(led) + "/programmes").then().statusCode(200)
                .body("items.id", contains(programme.toString()));
        // Another LED's programme is not there.
        UUID other = Api.createLed();
        as(Tokens.trainer(other)).get(base(other) + "/programmes/" + programme).then().statusCode(404)
                .body("type", equalTo("urn:lumbung:problem:not-found"));
    }

    @Test
    void refusesABadProgrammeWritingNothing() {
        UUID led = Api.createLed();
        long before = Training.rows();
        as(Tokens.trainer(led)).body(programme("2026-08-31", "2026-03-02", List.of(module("KEU"))))
                .post(base(led) + "/programmes").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:validation-failed"))
                .body("fields[0].field", equalTo("endsOn"));
        as(Tokens.trainer(led)).body(programme("2026-03-02", "2026-08-31", List.of(module("KEU"), module("KEU"))))
                .post(base(led) + "/programmes").then().statusCode(400)
                .body("fields[0].field", equalTo("modules[1].code"));
        as(Tokens.trainer(led)).body(programme("2026-03-02", "2026-08-31", List.of()))
                .post(base(led) + "/programmes").then().statusCode(400)
                .body("fields[0].field", equalTo("modules"));
        Map<String, Object> funding = programme("2026-03-02", "2026-08-31", List.of(module("KEU")));
        funding.put("funding", List.of(Map.of("source", "APBD", "name", "APBD", "amount", "0")));
        as(Tokens.trainer(led)).body(funding).post(base(led) + "/programmes").then().statusCode(400)
                .body("fields[0].field", equalTo("funding[0].amount"));
        as(Tokens.auditor(led)).body(programme("2026-03-02", "2026-08-31", List.of(module("KEU"))))
                .post(base(led) + "/programmes").then().statusCode(403)
                .body("type", equalTo("urn:lumbung:problem:forbidden"));
        assertEquals(before, Training.rows());
    }

    @Test
    void recordsSessionsOfItsModulesWithinItsRun() {
        UUID led = Api.createLed();
        UUID programme = Training.programme(led, TODAY.minusDays(30));
        String sessions = base(led) + "/programmes/" + programme + "/sessions";
        Response created = as(Tokens.trainer(led)).body(Map.of("heldOn", TODAY.minusDays(28).toString(),
                "moduleCode", "KEU", "topic", "Pembukuan sederhana usaha rumahan", "method", "WORKSHOP"))
                .post(sessions);
        created.then().statusCode(201)
                .header("Location", endsWith(sessions + "/" + created.path("id")))
                .body("moduleCode", equalTo("KEU"))
                .body("hours", equalTo(3.0f))
                .body("method", equalTo("WORKSHOP"))
                .body("present", empty());
        Training.session(led, programme, TODAY.minusDays(25), "KEU");
        Training.session(led, programme, TODAY.minusDays(21), "WRS");

        long before = Training.rows();
        as(Tokens.trainer(led)).body(Map.of("heldOn", TODAY.minusDays(20).toString(), "moduleCode", "PKX"))
                .post(sessions).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:unknown-module"))
                .body("fields[0].field", equalTo("moduleCode"));
        as(Tokens.trainer(led)).body(Map.of("heldOn", TODAY.minusDays(31).toString(), "moduleCode", "KEU"))
                .post(sessions).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:date-outside-programme"));
        as(Tokens.trainer(led)).body(Map.of("heldOn", TODAY.plusDays(1).toString(), "moduleCode", "KEU"))
                .post(sessions).then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:effective-date-in-future"));
        assertEquals(before, Training.rows());

        as(Tokens.auditor(led)).get(base(led) + "/programmes/" + programme).then()
                .body("sessionsHeld", equalTo(3))
                .body("modules[0].sessionsHeld", equalTo(1))
                .body("modules[1].sessionsHeld", equalTo(2));
    }

    @Test
    void attendanceReplacesTheListAndRefusesAnyoneNotEnrolled() {
        UUID led = Api.createLed();
        UUID programme = Training.programme(led, TODAY.minusDays(30));
        UUID otherProgramme = Training.programme(led, TODAY.minusDays(30));
        UUID siti = Training.enrol(led, programme, Training.member(led, "Siti Rahmawati", "F",
                java.time.LocalDate.of(2000, 7, 5)));
        UUID budi = Training.enrol(led, programme, Training.member(led, "Budi Santoso", "M",
                java.time.LocalDate.of(1999, 1, 12)));
        UUID elsewhere = Training.enrol(led, otherProgramme, Training.member(led, "Rina Marlina", "F",
                java.time.LocalDate.of(1998, 4, 20)));
        UUID session = Training.session(led, programme, TODAY.minusDays(28), "KEU");
        String attendance = base(led) + "/programmes/" + programme + "/sessions/" + session + "/attendance";

        as(Tokens.trainer(led)).body(Map.of("present", List.of(siti, budi))).put(attendance).then().statusCode(200)
                .body("present", hasSize(2)).body("present", hasItem(siti.toString()));
        as(Tokens.trainer(led)).body(Map.of("present", List.of(budi))).put(attendance).then().statusCode(200)
                .body("present", contains(budi.toString()));
        // The same list again changes nothing.
        as(Tokens.trainer(led)).body(Map.of("present", List.of(budi, budi))).put(attendance).then().statusCode(200)
                .body("present", contains(budi.toString()));

        long before = Training.rows();
        as(Tokens.trainer(led)).body(Map.of("present", List.of(siti, elsewhere, UUID.randomUUID()))).put(attendance)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:not-enrolled"))
                .body("fields.field", contains("present[1]", "present[2]"));
        assertEquals(before, Training.rows());
        assertEquals(1, id.lumbung.support.Db.number(
                "SELECT count(*) FROM training_attendance WHERE session_id = ?", session));

        // The session of another programme is not under this one.
        UUID foreign = Training.session(led, otherProgramme, TODAY.minusDays(28), "KEU");
        as(Tokens.trainer(led)).body(Map.of("present", List.of())).put(base(led) + "/programmes/" + programme
                + "/sessions/" + foreign + "/attendance").then().statusCode(404);
        as(Tokens.trainer(led)).body(Map.of("present", List.of())).put(attendance).then().statusCode(200)
                .body("present", empty());
    }
}
