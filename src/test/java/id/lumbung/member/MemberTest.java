package id.lumbung.member;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
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
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MemberTest {

    @Test
    void registersAMemberWithLocationAndReadsItBack() {
        UUID led = Api.createLed();
        Map<String, Object> body = Members.siti();
        Response response = as(Tokens.manager(led)).body(body).post("/api/v1/leds/" + led + "/members");
        response.then().statusCode(201)
                .header("Location", endsWith("/api/v1/leds/" + led + "/members/" + response.path("id")))
                .body("name", equalTo("Siti Rahmawati"))
                .body("nik", equalTo(body.get("nik")))
                .body("gender", equalTo("F"))
                .body("birthDate", equalTo("1990-07-05"))
                .body("hamlet", equalTo("Dusun II Kuok"))
                .body("phone", equalTo("081276543210"))
                .body("groupId", nullValue())
                .body("createdAt", notNullValue());
        String created = response.path("createdAt");
        as(Tokens.manager(led)).get("/api/v1/leds/" + led + "/members/" + response.path("id")).then()
                .statusCode(200)
                .body("nik", equalTo(body.get("nik")))
                .body("createdAt", equalTo(created));
    }

    @Test
    void refusesAnInvalidNikNamingTheFieldWithoutEchoingIt() {
        UUID led = Api.createLed();
        Map<String, Object> body = Members.siti();
        String nik = (String) body.get("nik");
        body.put("nik", nik.substring(0, 12) + "0000");
        as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/members").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:validation-failed"))
                .body("fields[0].field", equalTo("nik"))
                .body("fields[0].message", equalTo("digits 13-16 (serial) must not be 0000"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(nik.substring(0, 12))));
        body.put("nik", nik);
        body.put("gender", "M");
        as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/members").then()
                .statusCode(400).body("fields[0].field", equalTo("nik"))
                .body("fields[0].message", equalTo(
                        "the day in digits 7-8 is above 40, which marks a woman, but gender is M"));
        body.put("gender", "F");
        body.put("birthDate", "1990-07-06");
        as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/members").then()
                .statusCode(400).body("fields[0].field", equalTo("nik"))
                .body("fields[0].message", equalTo("the birth date encoded in digits 7-12 does not match birthDate"));
        assertEquals(0, Members.count(led));
    }

    @Test
    void refusesMissingAndMalformedFields() {
        UUID led = Api.createLed();
        Map<String, Object> body = Members.siti();
        body.remove("name");
        body.put("phone", "nomor saya");
        as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/members").then()
                .statusCode(400)
                .body("fields.field", contains("name", "phone"));
        body = Members.siti();
        body.put("gender", "X");
        as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/members").then()
                .statusCode(400).body("fields[0].field", equalTo("gender"));
        body = Members.siti();
        body.put("agama", "Islam");
        as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/members").then()
                .statusCode(400).body("type", equalTo("urn:lumbung:problem:unknown-field"));
        assertEquals(0, Members.count(led));
    }

    @Test
    void nikIsUniquePerLedButMayRepeatInAnotherLed() {
        UUID led = Api.createLed();
        UUID other = Api.createLed();
        Map<String, Object> body = Members.siti();
        Members.create(led, body);
        as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/members").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:lumbung:problem:duplicate-nik"))
                .body("detail", equalTo("a member with this NIK is already registered in this LED"));
        Members.create(other, body);
        assertEquals(1, Members.count(led));
        assertEquals(1, Members.count(other));
    }

    @Test
    void concurrentRegistrationsOfOneNikLeaveOneMember() throws Exception {
        UUID led = Api.createLed();
        Map<String, Object> body = Members.siti();
        String token = Tokens.clerk(led);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Callable<Integer>> tries = java.util.Collections.nCopies(6,
                    () -> as(token).body(body).post("/api/v1/leds/" + led + "/members").statusCode());
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var result : pool.invokeAll(tries)) {
                statuses.add(result.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Members.count(led));
    }

    @Test
    void refusesAGroupOfAnotherLed() {
        UUID led = Api.createLed();
        UUID other = Api.createLed();
        UUID foreignGroup = Members.createGroup(other, "KUB Mawar");
        Map<String, Object> body = Members.siti();
        body.put("groupId", foreignGroup.toString());
        as(Tokens.clerk(led)).body(body).post("/api/v1/leds/" + led + "/members").then()
                .statusCode(422).body("type", equalTo("urn:lumbung:problem:unknown-group"));
    }

    @Test
    void patchesContactDataAndGroup() {
        UUID led = Api.createLed();
        UUID group = Members.createGroup(led, "KUB Mawar");
        Map<String, Object> body = Members.siti();
        UUID id = Members.create(led, body);
        String path = "/api/v1/leds/" + led + "/members/" + id;
        as(Tokens.clerk(led)).body(Map.of("hamlet", "Dusun III Kuok", "groupId", group.toString()))
                .patch(path).then().statusCode(200)
                .body("hamlet", equalTo("Dusun III Kuok"))
                .body("phone", equalTo("081276543210"))
                .body("name", equalTo("Siti Rahmawati"))
                .body("groupId", equalTo(group.toString()));
        Map<String, Object> clear = new HashMap<>();
        clear.put("phone", null);
        clear.put("groupId", null);
        clear.put("name", "Siti Rahmawati Putri");
        as(Tokens.manager(led)).body(clear).patch(path).then().statusCode(200)
                .body("phone", nullValue())
                .body("groupId", nullValue())
                .body("hamlet", equalTo("Dusun III Kuok"))
                .body("name", equalTo("Siti Rahmawati Putri"))
                .body("nik", equalTo(body.get("nik")));
    }

    @Test
    void refusesToPatchIdentityFieldsNamingEach() {
        UUID led = Api.createLed();
        Map<String, Object> body = Members.siti();
        UUID id = Members.create(led, body);
        String path = "/api/v1/leds/" + led + "/members/" + id;
        as(Tokens.manager(led)).body(Map.of("nik", body.get("nik"))).patch(path).then()
                .statusCode(400).body("type", equalTo("urn:lumbung:problem:validation-failed"))
                .body("fields.field", contains("nik"));
        Map<String, Object> identity = new HashMap<>();
        identity.put("gender", "M");
        identity.put("birthDate", null);
        identity.put("phone", "0811111111");
        as(Tokens.manager(led)).body(identity).patch(path).then()
                .statusCode(400).body("fields.field", contains("gender", "birthDate"));
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        as(Tokens.manager(led)).body(nullName).patch(path).then()
                .statusCode(400).body("fields[0].field", equalTo("name"));
        as(Tokens.manager(led)).body(Map.of("hobi", "memancing")).patch(path).then()
                .statusCode(400).body("type", equalTo("urn:lumbung:problem:unknown-field"));
        as(Tokens.manager(led)).get(path).then().body("phone", equalTo("081276543210"))
                .body("gender", equalTo("F")).body("name", equalTo("Siti Rahmawati"));
    }

    @Test
    void masksNikForRolesThatDoNotNeedItOnOneAndList() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        Map<String, Object> body = Members.siti();
        String nik = (String) body.get("nik");
        String masked = nik.substring(0, 6) + "******" + nik.substring(12);
        UUID id = Members.create(led, body);
        String one = "/api/v1/leds/" + led + "/members/" + id;
        String list = "/api/v1/leds/" + led + "/members";
        for (String token : List.of(Tokens.manager(led), Tokens.auditor(led))) {
            as(token).get(one).then().statusCode(200).body("nik", equalTo(nik));
            as(token).get(list).then().statusCode(200).body("items[0].nik", equalTo(nik));
        }
        for (String token : List.of(Tokens.clerk(led), Tokens.districtOfficer(district), Tokens.trainer(led))) {
            as(token).get(one).then().statusCode(200).body("nik", equalTo(masked));
            as(token).get(list).then().statusCode(200).body("items[0].nik", equalTo(masked));
        }
        // The clerk registers members but sees the NIK masked in the answer, too.
        as(Tokens.clerk(led)).body(Members.siti()).post(list).then().statusCode(201)
                .body("nik", org.hamcrest.Matchers.matchesPattern("[0-9]{6}\\*{6}[0-9]{4}"));
    }

    @Test
    void onlyManagerAndClerkWrite() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        String path = "/api/v1/leds/" + led + "/members";
        for (String token : List.of(Tokens.auditor(led), Tokens.trainer(led), Tokens.districtOfficer(district))) {
            as(token).body(Members.siti()).post(path).then().statusCode(403)
                    .body("type", equalTo("urn:lumbung:problem:forbidden"));
        }
        UUID id = Members.create(led, Members.siti());
        as(Tokens.auditor(led)).body(Map.of("phone", "0811111111")).patch(path + "/" + id).then().statusCode(403);
        as(Tokens.admin()).get(path).then().statusCode(404);
        assertEquals(1, Members.count(led));
    }

    @Test
    void anotherLedsMemberIsNotFound() {
        UUID led = Api.createLed();
        UUID other = Api.createLed();
        UUID id = Members.create(other, Members.siti());
        as(Tokens.manager(led)).get("/api/v1/leds/" + led + "/members/" + id).then()
                .statusCode(404).body("type", equalTo("urn:lumbung:problem:not-found"));
        as(Tokens.manager(led)).body(Map.of("phone", "0811111111"))
                .patch("/api/v1/leds/" + led + "/members/" + id).then().statusCode(404);
        as(Tokens.manager(led)).get("/api/v1/leds/" + other + "/members/" + id).then().statusCode(404);
        as(Tokens.manager(led)).get("/api/v1/leds/" + other + "/members").then().statusCode(404);
    }

    @Test
    void listsWithFiltersAndCursor() {
        UUID led = Api.createLed();
        UUID mawar = Members.createGroup(led, "KUB Mawar");
        String[] names = {"Siti Rahmawati", "Ahmad Fauzi", "Nurhayati", "SITI Aminah", "Budi Santoso"};
        UUID[] ids = new UUID[names.length];
        String budiNik = null;
        for (int i = 0; i < names.length; i++) {
            Gender gender = i % 2 == 0 ? Gender.F : Gender.M;
            Map<String, Object> body = Members.request(names[i], gender, LocalDate.of(1980 + i, 1 + i, 10 + i),
                    Members.serial());
            if (i < 3) {
                body.put("groupId", mawar.toString());
            }
            if (i == 4) {
                budiNik = (String) body.get("nik");
            }
            ids[i] = Members.create(led, body);
        }
        String path = "/api/v1/leds/" + led + "/members";
        as(Tokens.clerk(led)).queryParam("q", "siti").get(path).then().statusCode(200)
                .body("items.name", contains("Siti Rahmawati", "SITI Aminah"));
        as(Tokens.clerk(led)).queryParam("q", budiNik).get(path).then()
                .body("items.name", contains("Budi Santoso"));
        as(Tokens.clerk(led)).queryParam("q", "%").get(path).then().body("items", hasSize(0));
        as(Tokens.clerk(led)).queryParam("groupId", mawar.toString()).get(path).then()
                .body("items.name", contains("Siti Rahmawati", "Ahmad Fauzi", "Nurhayati"));
        as(Tokens.clerk(led)).queryParam("groupId", mawar.toString()).queryParam("q", "SITI").get(path).then()
                .body("items.name", contains("Siti Rahmawati"));

        Response page1 = as(Tokens.auditor(led)).queryParam("limit", 2).get(path);
        page1.then().statusCode(200).body("items.id", contains(ids[0].toString(), ids[1].toString()))
                .body("next", notNullValue());
        Response page2 = as(Tokens.auditor(led)).queryParam("limit", 2).queryParam("after", (String) page1.path("next"))
                .get(path);
        page2.then().body("items.id", contains(ids[2].toString(), ids[3].toString()));
        as(Tokens.auditor(led)).queryParam("limit", 2).queryParam("after", (String) page2.path("next")).get(path)
                .then().body("items.id", contains(ids[4].toString())).body("next", nullValue());
        as(Tokens.auditor(led)).queryParam("after", "bukan-kursor").get(path).then().statusCode(400)
                .body("type", equalTo("urn:lumbung:problem:invalid-parameter"));
        as(Tokens.auditor(led)).queryParam("limit", 0).get(path).then().statusCode(400);
    }

    @Test
    void replaysARetriedRegistration() {
        UUID led = Api.createLed();
        Map<String, Object> body = Members.siti();
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/leds/" + led + "/members";
        String id = as(Tokens.clerk(led)).header("Idempotency-Key", key).body(body).post(path)
                .then().statusCode(201).extract().path("id");
        as(Tokens.clerk(led)).header("Idempotency-Key", key).body(body).post(path)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, Members.count(led));
    }
}
