package id.lumbung.training;

import static id.lumbung.support.Api.as;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import id.lumbung.support.Tokens;

/** Training data made through the API, as a trainer and a clerk would, for the training tests. */
final class Training {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    private Training() {
    }

    static String base(UUID led) {
        return "/api/v1/leds/" + led;
    }

    /** A programme with modules WRS and KEU and two funding lines, running from {@code startsOn} for 180 days. */
    static UUID programme(UUID led, LocalDate startsOn) {
        return programme(led, startsOn, startsOn.plusDays(180));
    }

    static UUID programme(UUID led, LocalDate startsOn, LocalDate endsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Pelatihan Kewirausahaan Digital Duri Selatan");
        body.put("startsOn", startsOn.toString());
        body.put("endsOn", endsOn.toString());
        body.put("venue", "Balai Desa Duri Selatan");
        body.put("venueType", "VILLAGE_HALL");
        body.put("segment", "YOUTH");
        body.put("sessionsPerWeek", 2);
        body.put("hoursPerSession", 3);
        body.put("modules", List.of(
                Map.of("code", "WRS", "title", "Rencana Usaha dan Risiko", "area", "ENTREPRENEURSHIP"),
                Map.of("code", "KEU", "title", "Pengelolaan Keuangan", "area", "FINANCIAL_MANAGEMENT")));
        body.put("funding", List.of(
                Map.of("source", "APBD", "name", "APBD Kabupaten Bengkalis 2026", "amount", "45000000"),
                Map.of("source", "SPONSOR", "name", "CSR PT Pertamina Hulu Rokan", "amount", "30000000.00")));
        return UUID.fromString(as(Tokens.trainer(led)).body(body).post(base(led) + "/programmes").then()
                .statusCode(201).extract().path("id"));
    }

    /** A valid NIK for the person: region 147101, the birth date (day + 40 for a woman), a serial. */
    static String nik(String gender, LocalDate birth) {
        int day = birth.getDayOfMonth() + (gender.equals("F") ? 40 : 0);
        return String.format("147101%02d%02d%02d%04d", day, birth.getMonthValue(), birth.getYear() % 100,
                SERIAL.getAndIncrement() % 9999 + 1);
    }

    static Map<String, Object> person(String name, String gender, LocalDate birth) {
        return new HashMap<>(Map.of("name", name, "nik", nik(gender, birth), "gender", gender,
                "birthDate", birth.toString()));
    }

    /** A member registered by the clerk. */
    static UUID member(UUID led, String name, String gender, LocalDate birth) {
        return UUID.fromString(as(Tokens.clerk(led)).body(person(name, gender, birth)).post(base(led) + "/members")
                .then().statusCode(201).extract().path("id"));
    }

    /** The member enrolled by the trainer. */
    static UUID enrol(UUID led, UUID programme, UUID member) {
        return UUID.fromString(as(Tokens.trainer(led)).body(Map.of("memberId", member))
                .post(base(led) + "/programmes/" + programme + "/trainees").then().statusCode(201).extract()
                .path("id"));
    }

    static UUID session(UUID led, UUID programme, LocalDate heldOn, String module) {
        return UUID.fromString(as(Tokens.trainer(led)).body(Map.of("heldOn", heldOn.toString(), "moduleCode", module))
                .post(base(led) + "/programmes/" + programme + "/sessions").then().statusCode(201).extract()
                .path("id"));
    }

    /**
     * Rows of the training tables, members and the books: a refused request must leave them as they
     * were (the audit trail is left out: a refusal for the caller's role is recorded there on purpose).
     */
    static long rows() {
        return id.lumbung.support.Db.writes() + id.lumbung.support.Db.number("SELECT "
                + "(SELECT count(*) FROM training_programme) + (SELECT count(*) FROM training_module)"
                + " + (SELECT count(*) FROM training_funding_line) + (SELECT count(*) FROM training_session)"
                + " + (SELECT count(*) FROM trainee) + (SELECT count(*) FROM training_attendance)"
                + " + (SELECT count(*) FROM training_evaluation) + (SELECT count(*) FROM training_feedback)"
                + " + (SELECT count(*) FROM training_outcome) + (SELECT count(*) FROM training_funding_receipt)"
                + " + (SELECT count(*) FROM training_expense) + (SELECT count(*) FROM capital_assistance)"
                + " + (SELECT count(*) FROM member)");
    }
}
