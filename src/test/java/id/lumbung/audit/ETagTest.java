package id.lumbung.audit;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.Http;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * ETag and If-Match on the resources changed in place (member, lending settings, loan-quality
 * settings): a change based on a version that is no longer current is refused with 412 and changes
 * nothing, so two managers never overwrite each other silently; without If-Match a change is made
 * as before.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ETagTest {

    private static final String AHMAD = "manager.ahmad";

    private static UUID register(UUID led, String nik) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Dewi Lestari", "nik", nik, "gender", "F",
                "birthDate", "1990-07-05", "hamlet", "Dusun II Kuok"));
        return UUID.fromString(as(Tokens.clerk(led)).body(body).post(base(led) + "/members").then().statusCode(201)
                .extract().path("id"));
    }

    private static long events(UUID led) {
        return Db.number("SELECT count(*) FROM audit_event WHERE led_id = ?", led);
    }

    @Test
    void aMemberCarriesItsVersionAndAStaleIfMatchChangesNothing() {
        UUID led = Api.createLed();
        String member = base(led) + "/members/" + register(led, "1406014507900201");
        String manager = Tokens.manager(led);
        as(manager).get(member).then().statusCode(200).header("ETag", "\"1\"");

        as(manager).header("If-Match", "\"1\"").body(Map.of("phone", "081200000001")).patch(member).then()
                .statusCode(200).header("ETag", "\"2\"").body("phone", equalTo("081200000001"));
        long before = events(led);
        // The 412 names the version now current, so the client knows what to read.
        assertProblem(as(manager).header("If-Match", "\"1\"").body(Map.of("phone", "081200000002")).patch(member),
                412, "precondition-failed").header("ETag", "\"2\"");
        as(manager).get(member).then().header("ETag", "\"2\"").body("phone", equalTo("081200000001"));
        assertEquals(before, events(led));

        // A weak tag never matches (If-Match compares strongly); a list matches if any of its tags does.
        assertProblem(as(manager).header("If-Match", "W/\"2\"").body(Map.of("phone", "081200000003")).patch(member),
                412, "precondition-failed");
        as(manager).header("If-Match", "\"7\", \"2\"").body(Map.of("phone", "081200000003")).patch(member).then()
                .statusCode(200).header("ETag", "\"3\"");
        as(manager).header("If-Match", "*").body(Map.of("phone", "081200000004")).patch(member).then()
                .statusCode(200).header("ETag", "\"4\"");
        // Without If-Match the change is made whatever happened meanwhile.
        as(Tokens.clerk(led)).body(Map.of("phone", "081200000005")).patch(member).then().statusCode(200)
                .header("ETag", "\"5\"");
        // Joining a group as its new leader is a change of the member too.
        as(Tokens.clerk(led)).body(Map.of("name", "KUB Melati", "leaderMemberId", member.substring(
                member.lastIndexOf('/') + 1))).post(base(led) + "/groups").then().statusCode(201);
        as(manager).get(member).then().header("ETag", "\"6\"");
    }

    @Test
    void twoManagersPatchingFromTheSameVersionNeverOverwriteEachOther() throws Exception {
        UUID led = Api.createLed();
        String siti = Tokens.manager(led);
        String ahmad = Tokens.of("led-manager", AHMAD, List.of(), List.of(led));
        for (int round = 0; round < 5; round++) {
            String member = base(led) + "/members/" + register(led, String.format("14060145079%05d", 300 + round));
            String etag = as(siti).get(member).then().extract().header("ETag");
            CompletableFuture<Http.Answer> first = Http.sendAsync("PATCH", siti, member,
                    Map.of("hamlet", "Dusun I Kuok"), Map.of("If-Match", etag));
            CompletableFuture<Http.Answer> second = Http.sendAsync("PATCH", ahmad, member,
                    Map.of("hamlet", "Dusun IV Kuok"), Map.of("If-Match", etag));
            Http.Answer a = first.get(1, TimeUnit.MINUTES);
            Http.Answer b = second.get(1, TimeUnit.MINUTES);
            List<Integer> statuses = List.of(a.status(), b.status()).stream().sorted().toList();
            assertEquals(List.of(200, 412), statuses, a + " / " + b);
            Http.Answer winner = a.status() == 200 ? a : b;
            Http.Answer loser = a.status() == 200 ? b : a;
            assertEquals("urn:lumbung:problem:precondition-failed", loser.text("type"));
            assertEquals("application/problem+json", loser.header("Content-Type"));
            as(siti).get(member).then().header("ETag", "\"2\"").body("hamlet", equalTo(winner.text("hamlet")));
        }
        // Each member: registered, then changed exactly once.
        assertEquals(5, Db.number("SELECT count(*) FROM audit_event WHERE led_id = ? AND action = 'member.updated'",
                led));
    }

    @Test
    void lendingSettingsCarryAVersionFromTheDefaultsOn() throws Exception {
        UUID led = Api.createLed();
        String settings = base(led) + "/settings/lending";
        String manager = Tokens.manager(led);
        as(Tokens.clerk(led)).get(settings).then().statusCode(200).header("ETag", "\"0\"");
        as(manager).header("If-Match", "\"0\"").body(Map.of("approvalThreshold", "1000000")).put(settings).then()
                .statusCode(200).header("ETag", "\"1\"");
        long before = events(led);
        assertProblem(as(manager).header("If-Match", "\"0\"").body(Map.of("approvalThreshold", "9000000"))
                .put(settings), 412, "precondition-failed").header("ETag", "\"1\"");
        as(manager).get(settings).then().header("ETag", "\"1\"").body("approvalThreshold", equalTo("1000000.00"));
        assertEquals(before, events(led));
        as(manager).body(Map.of("approvalThreshold", "2000000")).put(settings).then().statusCode(200)
                .header("ETag", "\"2\"");

        // Two managers storing a fresh LED's first settings at once: one wins, one is told.
        UUID fresh = Api.createLed();
        String ahmad = Tokens.of("led-manager", AHMAD, List.of(), List.of(fresh));
        String path = base(fresh) + "/settings/lending";
        CompletableFuture<Http.Answer> first = Http.sendAsync("PUT", Tokens.manager(fresh), path,
                Map.of("approvalThreshold", "3000000"), Map.of("If-Match", "\"0\""));
        CompletableFuture<Http.Answer> second = Http.sendAsync("PUT", ahmad, path,
                Map.of("approvalThreshold", "4000000"), Map.of("If-Match", "\"0\""));
        Http.Answer a = first.get(1, TimeUnit.MINUTES);
        Http.Answer b = second.get(1, TimeUnit.MINUTES);
        assertEquals(List.of(200, 412), List.of(a.status(), b.status()).stream().sorted().toList(), a + " / " + b);
        Http.Answer winner = a.status() == 200 ? a : b;
        as(Tokens.auditor(fresh)).get(path).then().header("ETag", "\"1\"")
                .body("approvalThreshold", equalTo(winner.text("approvalThreshold")));
        assertEquals(1, events(fresh));
    }

    @Test
    void loanQualitySettingsCarryTheLatestChangesNumber() {
        UUID led = Api.createLed();
        String quality = base(led) + "/settings/loan-quality";
        String manager = Tokens.manager(led);
        as(Tokens.trainer(led)).get(quality).then().statusCode(200).header("ETag", "\"0\"");
        as(manager).header("If-Match", "\"0\"").body(Map.of("preset", "UPK")).put(quality).then().statusCode(200)
                .header("ETag", "\"1\"");
        assertProblem(as(manager).header("If-Match", "\"0\"").body(Map.of("preset", "LKM")).put(quality), 412,
                "precondition-failed");
        as(manager).get(quality).then().header("ETag", "\"1\"").body("inForce.preset", equalTo("UPK"));
        // The same setting again records nothing, and the version stays.
        as(manager).header("If-Match", "\"1\"").body(Map.of("preset", "UPK")).put(quality).then().statusCode(200)
                .header("ETag", "\"1\"");
        assertEquals(1, Db.number("SELECT count(*) FROM audit_event WHERE led_id = ?", led));
    }
}
