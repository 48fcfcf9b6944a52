package id.lumbung.member;

import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Api;
import id.lumbung.support.LogCapture;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * NIKs are personal data and must never reach a log line (DESIGN §4). A handler on the root logger
 * captures every record the service writes — messages, parameters and stack traces — while members
 * are registered, refused, duplicated, patched and imported, and none may contain a NIK.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MemberLogTest {

    @Test
    void noNikReachesTheLogs() {
        LogCapture capture = LogCapture.start();
        try (capture) {
            Logger.getLogger(MemberLogTest.class.getName()).info("capture check");
            exerciseEveryPathThatSeesANik(capture);
        }
        assertTrue(capture.lines().stream().anyMatch(line -> line.contains("capture check")),
                "the handler sees the service's log records");
    }

    private void exerciseEveryPathThatSeesANik(LogCapture capture) {
        UUID led = Api.createLed();
        Map<String, Object> siti = Members.siti();
        String nik = (String) siti.get("nik");
        UUID id = Members.create(led, siti);
        as(Tokens.clerk(led)).body(siti).post("/api/v1/leds/" + led + "/members").then().statusCode(409);

        Map<String, Object> bad = Members.siti();
        String badNik = ((String) bad.get("nik")).substring(0, 12) + "0000";
        bad.put("nik", badNik);
        as(Tokens.clerk(led)).body(bad).post("/api/v1/leds/" + led + "/members").then().statusCode(400);
        Map<String, Object> wrongGender = Members.siti();
        String wrongGenderNik = (String) wrongGender.get("nik");
        wrongGender.put("gender", "M");
        as(Tokens.clerk(led)).body(wrongGender).post("/api/v1/leds/" + led + "/members").then().statusCode(400);
        as(Tokens.clerk(led)).body(Map.of("nik", nik)).patch("/api/v1/leds/" + led + "/members/" + id)
                .then().statusCode(400);
        as(Tokens.clerk(led)).body("{\"name\":\"Siti\",\"nik\":" + nik + ",").post("/api/v1/leds/" + led + "/members")
                .then().statusCode(400);

        String importNik = NikTest.nik(Gender.M, LocalDate.of(1985, 3, 12), Members.serial());
        String csv = MemberImportTest.HEADER
                + "Ahmad Fauzi," + importNik + ",M,1985-03-12,,,\n"
                + "Ahmad Fauzi," + importNik + ",M,1985-03-12,,,\n"
                + "Siti Rahmawati," + nik + ",F,1990-07-05,,,\n"
                + "Rina," + badNik + ",F,1990-07-05,,,\n";
        MemberImportTest.upload(led, Tokens.clerk(led), csv).statusCode(400);
        MemberImportTest.upload(led, Tokens.clerk(led), MemberImportTest.HEADER
                + "Ahmad Fauzi," + importNik + ",M,1985-03-12,,,\n").statusCode(201);
        MemberImportTest.upload(led, Tokens.clerk(led), "\"unterminated," + importNik + "\n").statusCode(400);
        assertEquals(2, Members.count(led));

        for (String secret : List.of(nik, badNik, wrongGenderNik, importNik)) {
            for (String line : capture.lines()) {
                assertTrue(!line.contains(secret) && !line.contains(secret.substring(6, 12) + secret.substring(12)),
                        "a log line contains a NIK: " + line.replace(secret, "<NIK>"));
            }
        }
    }
}
