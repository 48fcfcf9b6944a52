package id.lumbung.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MemberImportTest {

    static final String HEADER = "name,nik,gender,birthDate,hamlet,phone,groupName\n";

    /** As curl and generated clients send it: RestAssured would otherwise encode the ':' as %3A. */
    static io.restassured.specification.RequestSpecification client(String token) {
        return RestAssured.given().urlEncodingEnabled(false).auth().oauth2(token);
    }

    static ValidatableResponse upload(UUID led, String token, String csv) {
        return client(token).contentType("text/csv; charset=UTF-8").accept("application/json")
                .body(csv).post("/api/v1/leds/" + led + "/members:import").then().log().ifValidationFails();
    }

    static String row(String name, Gender gender, LocalDate born, int serial, String hamlet, String group) {
        return String.join(",", name, NikTest.nik(gender, born, serial), gender.name(), born.toString(), hamlet,
                "081276543210", group) + "\n";
    }

    @Test
    void importsAGoodFileWithGroupsAndQuotedFields() {
        UUID led = Api.createLed();
        UUID mawar = Members.createGroup(led, "KUB Mawar");
        String csv = "\uFEFF" + HEADER
                + row("Siti Rahmawati", Gender.F, LocalDate.of(1990, 7, 5), Members.serial(), "Dusun II Kuok",
                        "KUB Mawar")
                + row("\"Fauzi, Ahmad\"", Gender.M, LocalDate.of(1985, 3, 12), Members.serial(), "", "")
                + "\n"
                + "Nurhayati," + NikTest.nik(Gender.F, LocalDate.of(1977, 8, 22), Members.serial())
                + ",F,1977-08-22,,,\n";
        upload(led, Tokens.clerk(led), csv).statusCode(201).contentType("application/json")
                .body("count", equalTo(3));
        assertEquals(3, Members.count(led));
        Api.as(Tokens.manager(led)).queryParam("groupId", mawar.toString()).get("/api/v1/leds/" + led + "/members")
                .then().body("items.name", org.hamcrest.Matchers.contains("Siti Rahmawati"))
                .body("items[0].hamlet", equalTo("Dusun II Kuok"));
        Api.as(Tokens.manager(led)).queryParam("q", "fauzi").get("/api/v1/leds/" + led + "/members")
                .then().body("items[0].name", equalTo("Fauzi, Ahmad"))
                .body("items[0].hamlet", org.hamcrest.Matchers.nullValue())
                .body("items[0].groupId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void refusesAWrongHeaderNamingTheExpectedOne() {
        UUID led = Api.createLed();
        String csv = "nama,nik,jenis_kelamin,tanggal_lahir,dusun,telepon,kub\n"
                + row("Siti Rahmawati", Gender.F, LocalDate.of(1990, 7, 5), Members.serial(), "", "");
        upload(led, Tokens.manager(led), csv).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:validation-failed"))
                .body("detail", containsString("name,nik,gender,birthDate,hamlet,phone,groupName"))
                .body("fields[0].field", equalTo("line 1"));
        upload(led, Tokens.manager(led), "").statusCode(400);
        assertEquals(0, Members.count(led));
    }

    @Test
    void reportsEveryBadRowWithItsLineAndWritesNothing() {
        UUID led = Api.createLed();
        Members.createGroup(led, "KUB Mawar");
        LocalDate born = LocalDate.of(1990, 7, 5);
        String good = NikTest.nik(Gender.F, born, Members.serial());
        String csv = HEADER
                + row("Siti Rahmawati", Gender.F, born, Members.serial(), "Dusun II Kuok", "KUB Mawar") // line 2 ok
                + "\n" // line 3 is blank and still counts: line numbers are what a spreadsheet shows
                + "Ani,1406014507900000,F,1990-07-05,,,\n" // 4: serial 0000
                + "Rina," + good + ",M,1990-07-05,,,\n" // 5: gender disagrees with the NIK
                + "Dewi," + good + ",F,05/07/1990,,,\n" // 6: date format
                + ",140601450790,X,1990-07-05,,08x,KUB Kenanga\n" // 7: name, nik, gender, phone, group
                + "Tono,1406011203850002,M\n" // 8: too few columns
                + row("Siti Aminah", Gender.F, LocalDate.of(1992, 1, 1), 77, "", ""); // 9 ok
        var response = upload(led, Tokens.clerk(led), csv).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:validation-failed"))
                .body("detail", equalTo("5 of 7 rows are invalid; nothing was imported"))
                .body("fields.field", org.hamcrest.Matchers.contains(
                        "line 4.nik", "line 5.nik", "line 6.birthDate",
                        "line 7.gender", "line 7.groupName", "line 7.name", "line 7.phone", "line 7.nik",
                        "line 8.row"))
                .body("fields[0].message", equalTo("digits 13-16 (serial) must not be 0000"))
                .body("fields[2].message", equalTo("must be a date YYYY-MM-DD"))
                .body("fields[8].message", equalTo("has 3 columns; expected 7"));
        response.body(not(containsString(good)));
        assertEquals(0, Members.count(led));
    }

    @Test
    void refusesDuplicateNiksInTheFileAndAgainstExistingMembers() {
        UUID led = Api.createLed();
        Map<String, Object> existing = Members.siti();
        Members.create(led, existing);
        LocalDate born = LocalDate.of(1985, 3, 12);
        int serial = Members.serial();
        String csv = HEADER
                + row("Ahmad Fauzi", Gender.M, born, serial, "", "")
                + "Siti Rahmawati," + existing.get("nik") + ",F,1990-07-05,,,\n"
                + row("Ahmad Fauzi (lagi)", Gender.M, born, serial, "", "");
        upload(led, Tokens.clerk(led), csv).statusCode(400)
                .body("fields.field", org.hamcrest.Matchers.contains("line 3.nik", "line 4.nik"))
                .body("fields.message", hasItems("a member with this NIK is already registered in this LED",
                        "duplicates the NIK of line 2"));
        assertEquals(1, Members.count(led));
    }

    @Test
    void onlyManagerAndClerkImportAndRetriesReplay() {
        UUID led = Api.createLed();
        String csv = HEADER + row("Siti Rahmawati", Gender.F, LocalDate.of(1990, 7, 5), Members.serial(), "", "");
        upload(led, Tokens.trainer(led), csv).statusCode(403);
        upload(led, Tokens.auditor(led), csv).statusCode(403);
        UUID other = Api.createLed();
        upload(other, Tokens.manager(led), csv).statusCode(404);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            client(Tokens.manager(led)).contentType("text/csv")
                    .header("Idempotency-Key", key).body(csv)
                    .post("/api/v1/leds/" + led + "/members:import").then().statusCode(201).body("count", equalTo(1))
                    .header("Idempotent-Replayed", i == 0 ? org.hamcrest.Matchers.nullValue() : equalTo("true"));
        }
        client(Tokens.manager(led)).contentType("text/csv")
                .header("Idempotency-Key", key).body(csv + row("Nurhayati", Gender.F, LocalDate.of(1977, 8, 22),
                        Members.serial(), "", ""))
                .post("/api/v1/leds/" + led + "/members:import").then().statusCode(422)
                .body("type", equalTo("urn:lumbung:problem:idempotency-key-reused"));
        assertEquals(1, Members.count(led));
        client(Tokens.manager(led)).contentType("application/json").body("{}")
                .post("/api/v1/leds/" + led + "/members:import").then().statusCode(415);
    }

    @Test
    void acceptsThePercentEncodedColonToo() {
        UUID led = Api.createLed();
        String csv = HEADER + row("Siti Rahmawati", Gender.F, LocalDate.of(1990, 7, 5), Members.serial(), "", "");
        // RestAssured's default encoding sends members%3Aimport.
        RestAssured.given().auth().oauth2(Tokens.clerk(led)).contentType("text/csv").body(csv)
                .post("/api/v1/leds/" + led + "/members:import").then().statusCode(201).body("count", equalTo(1));
        RestAssured.given().urlEncodingEnabled(false).auth().oauth2(Tokens.clerk(led)).contentType("text/csv")
                .body(csv).post("/api/v1/leds/" + led + "/members%3aimport").then().statusCode(400)
                .body("fields[0].field", equalTo("line 2.nik"));
        assertEquals(1, Members.count(led));
    }

    @Test
    void importsTenThousandRowsInAFewSeconds() {
        UUID led = Api.createLed();
        Members.createGroup(led, "KUB Mawar");
        StringBuilder csv = new StringBuilder(HEADER);
        LocalDate base = LocalDate.of(1960, 1, 1);
        for (int i = 0; i < 10_000; i++) {
            Gender gender = i % 2 == 0 ? Gender.F : Gender.M;
            LocalDate born = base.plusDays(i / 9999);
            csv.append(row("Anggota " + i, gender, born, i % 9999 + 1, "Dusun " + (i % 4 + 1) + " Kuok",
                    i % 3 == 0 ? "KUB Mawar" : ""));
        }
        long start = System.nanoTime();
        upload(led, Tokens.clerk(led), csv.toString()).statusCode(201).body("count", equalTo(10_000));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("members:import of 10,000 rows (%d KB) took %d ms%n", csv.length() / 1024, millis);
        assertEquals(10_000, Members.count(led));
        assertTrue(millis < 30_000, "10,000 rows took " + millis + " ms");
        Api.as(Tokens.clerk(led)).get("/api/v1/leds/" + led + "/groups").then()
                .body("items[0].memberCount", equalTo(3334));
    }
}
