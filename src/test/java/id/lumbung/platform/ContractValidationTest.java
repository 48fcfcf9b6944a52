package id.lumbung.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.lumbung.support.ContractValidation;
import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;

/**
 * The response check that runs behind every test (support/ContractValidation) refuses what the
 * contract does not allow; without this, a check that never fails would look the same as a service
 * that never breaks the contract.
 */
class ContractValidationTest {

    private static final ContractValidation CONTRACT = new ContractValidation(Path.of("openapi.yaml"));
    private static final String ENTRY = """
            {"id":"0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c","number":1,"effectiveDate":"2026-03-15",
             "recordedAt":"2026-03-16T01:02:03.456789Z","recordedBy":"siti","kind":"ADJUSTMENT",
             "description":"Koreksi","reference":%s,
             "postings":[{"line":1,"account":"1-1100","side":"DEBIT","amount":"1000.00"},
                         {"line":2,"account":"3-1200","side":"CREDIT","amount":"1000.00"}],
             "hash":"ab","previousHash":"00","reverses":null,"reversedBy":null}""";
    private static final String PATH = "/api/v1/leds/0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6b/journal-entries/"
            + "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c";

    @Test
    void acceptsAnEntryWithANullOrAnObjectReference() {
        assertEquals(List.of(), CONTRACT.check("GET", PATH, json(200, ENTRY.formatted("null"))));
        assertEquals(List.of(), CONTRACT.check("GET", PATH,
                json(200, ENTRY.formatted("{\"type\":\"GRANT\",\"id\":\"0193a5c2-11aa-7e0f-b3c4-000000000001\"}"))));
    }

    @Test
    void refusesAWrongTypeAMissingRequiredFieldAndABadFormat() {
        assertViolation(CONTRACT.check("GET", PATH, json(200, ENTRY.formatted("5"))), "/reference");
        assertViolation(CONTRACT.check("GET", PATH, json(200, ENTRY.formatted("null").replace("\"hash\":\"ab\",",
                ""))), "hash");
        assertViolation(CONTRACT.check("GET", PATH, json(200, ENTRY.formatted("null")
                .replace("2026-03-15", "15/03/2026"))), "/effectiveDate");
        assertViolation(CONTRACT.check("GET", PATH, json(200, ENTRY.formatted("null")
                .replace("\"1000.00\"", "1000.5"))), "/postings/0/amount");
    }

    @Test
    void refusesAnUndocumentedStatusAndMediaTypeButLeavesUnknownPathsAlone() {
        assertViolation(CONTRACT.check("GET", PATH, json(418, "{}")), "status not documented");
        assertViolation(CONTRACT.check("GET", PATH, new ResponseBuilder().setStatusCode(200)
                .setContentType("text/plain").setBody("ok").build()), "media type");
        assertEquals(List.of(), CONTRACT.check("GET", "/q/health", json(200, "{\"status\":\"UP\"}")));
        assertEquals(List.of(), CONTRACT.check("DELETE", PATH, json(405, "{}")));
    }

    @Test
    void refusesAProblemWithoutItsStatus() {
        assertViolation(CONTRACT.check("GET", PATH, new ResponseBuilder().setStatusCode(404)
                .setContentType("application/problem+json")
                .setBody("{\"type\":\"urn:lumbung:problem:not-found\",\"title\":\"No such resource\"}").build()),
                "status");
    }

    private static Response json(int status, String body) {
        return new ResponseBuilder().setStatusCode(status).setContentType("application/json").setBody(body).build();
    }

    private static void assertViolation(List<String> violations, String mentioning) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(mentioning)),
                "expected a violation mentioning '" + mentioning + "', got " + violations);
    }
}
