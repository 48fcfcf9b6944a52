package id.lumbung.member;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class GroupTest {

    @Test
    void formsAGroupWhoseLeaderJoinsIt() {
        UUID led = Api.createLed();
        Map<String, Object> siti = Members.siti();
        UUID leader = Members.create(led, siti);
        Response response = as(Tokens.manager(led))
                .body(Map.of("name", "KUB Mawar", "leaderMemberId", leader.toString()))
                .post("/api/v1/leds/" + led + "/groups");
        response.then().statusCode(201)
                .header("Location", endsWith("/api/v1/leds/" + led + "/groups/" + response.path("id")))
                .body("name", equalTo("KUB Mawar"))
                .body("leaderMemberId", equalTo(leader.toString()))
                .body("memberCount", equalTo(1))
                .body("members.id", contains(leader.toString()))
                .body("members[0].nik", equalTo(siti.get("nik")));
        as(Tokens.clerk(led)).get("/api/v1/leds/" + led + "/members/" + leader).then()
                .body("groupId", equalTo(response.path("id")));
    }

    @Test
    void showsItsMembersWithNikMaskedPerRole() {
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        UUID group = Members.createGroup(led, "KUB Melati");
        Map<String, Object> body = Members.siti();
        body.put("groupId", group.toString());
        Members.create(led, body);
        Members.create(led, Members.siti());
        String nik = (String) body.get("nik");
        String masked = nik.substring(0, 6) + "******" + nik.substring(12);
        String path = "/api/v1/leds/" + led + "/groups/" + group;
        for (String token : List.of(Tokens.manager(led), Tokens.auditor(led))) {
            as(token).get(path).then().statusCode(200).body("memberCount", equalTo(1))
                    .body("members", hasSize(1)).body("members[0].nik", equalTo(nik));
        }
        for (String token : List.of(Tokens.clerk(led), Tokens.districtOfficer(district), Tokens.trainer(led))) {
            as(token).get(path).then().statusCode(200).body("members[0].nik", equalTo(masked));
        }
    }

    @Test
    void refusesDuplicateNamesAndForeignLeaders() {
        UUID led = Api.createLed();
        UUID other = Api.createLed();
        Members.createGroup(led, "KUB Mawar");
        as(Tokens.clerk(led)).body(Map.of("name", " KUB Mawar ")).post("/api/v1/leds/" + led + "/groups").then()
                .statusCode(409).body("type", equalTo("urn:lumbung:problem:duplicate-group-name"));
        Members.createGroup(other, "KUB Mawar");
        UUID stranger = Members.create(other, Members.siti());
        long before = Db.number("SELECT count(*) FROM kub_group WHERE led_id = ?", led);
        as(Tokens.clerk(led)).body(Map.of("name", "KUB Anggrek", "leaderMemberId", stranger.toString()))
                .post("/api/v1/leds/" + led + "/groups").then()
                .statusCode(422).body("type", equalTo("urn:lumbung:problem:unknown-member"));
        as(Tokens.clerk(led)).body(Map.of("name", "")).post("/api/v1/leds/" + led + "/groups").then()
                .statusCode(400).body("fields[0].field", equalTo("name"));
        org.junit.jupiter.api.Assertions.assertEquals(before,
                Db.number("SELECT count(*) FROM kub_group WHERE led_id = ?", led));
    }

    @Test
    void aLeaderWhoMovesToAnotherGroupStopsLeadingTheFirst() {
        UUID led = Api.createLed();
        UUID leader = Members.create(led, Members.siti());
        String first = as(Tokens.clerk(led)).body(Map.of("name", "KUB Mawar", "leaderMemberId", leader.toString()))
                .post("/api/v1/leds/" + led + "/groups").then().statusCode(201).extract().path("id");
        UUID second = Members.createGroup(led, "KUB Melati");
        as(Tokens.clerk(led)).body(Map.of("groupId", second.toString()))
                .patch("/api/v1/leds/" + led + "/members/" + leader).then().statusCode(200);
        as(Tokens.clerk(led)).get("/api/v1/leds/" + led + "/groups/" + first).then()
                .body("leaderMemberId", nullValue()).body("memberCount", equalTo(0));
    }

    @Test
    void listsGroupsWithCursorAndScope() {
        UUID led = Api.createLed();
        UUID other = Api.createLed();
        for (String name : List.of("KUB Mawar", "KUB Melati", "KUB Anggrek")) {
            Members.createGroup(led, name);
        }
        String path = "/api/v1/leds/" + led + "/groups";
        Response page1 = as(Tokens.trainer(led)).queryParam("limit", 2).get(path);
        page1.then().statusCode(200).body("items.name", contains("KUB Mawar", "KUB Melati"))
                .body("items[0].memberCount", equalTo(0)).body("next", notNullValue());
        as(Tokens.trainer(led)).queryParam("limit", 2).queryParam("after", (String) page1.path("next")).get(path)
                .then().body("items.name", contains("KUB Anggrek")).body("next", nullValue());
        UUID foreign = Members.createGroup(other, "KUB Dahlia");
        as(Tokens.manager(led)).get(path + "/" + foreign).then().statusCode(404);
        as(Tokens.auditor(led)).body(Map.of("name", "KUB Kenanga")).post(path).then().statusCode(403);
    }
}
