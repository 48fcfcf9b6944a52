package id.lumbung.platform;

import static id.lumbung.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import id.lumbung.platform.error.ProblemType;
import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The root openapi.yaml is the contract. It must equal what the running service generates, and
 * every operation it lists must answer real requests with a status (and, for reads, fields) it
 * documents.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi.yaml");
    private static final Path GENERATED = Path.of("target/openapi-generated.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void committedContractEqualsWhatTheServiceServes() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        JsonNode generated = YAML.readTree(served);
        JsonNode committed = Files.exists(CONTRACT) ? YAML.readTree(CONTRACT.toFile()) : null;
        if (!generated.equals(committed)) {
            Files.createDirectories(GENERATED.getParent());
            Files.writeString(GENERATED, served);
            fail("openapi.yaml differs from what the service generates. Review " + GENERATED
                    + " and, if the change is intended, copy it to openapi.yaml.");
        }
    }

    @Test
    void everyProblemTypeIsDocumented() throws IOException {
        JsonNode types = contract().at("/components/schemas/Problem/properties/type/enum");
        Set<String> documented = new HashSet<>();
        types.forEach(t -> documented.add(t.asText()));
        for (ProblemType type : ProblemType.values()) {
            assertTrue(documented.contains(type.uri()), type.uri() + " is missing from the contract");
        }
    }

    @Test
    void everyDocumentedOperationAnswersWithADocumentedStatus() throws IOException {
        JsonNode contract = contract();
        UUID district = Api.createDistrict();
        UUID led = Api.createLed(district);
        String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
        UUID entry = Api.post(led, today, "1-1100", "3-1200", "1000.00");
        UUID group = UUID.fromString(as(Tokens.manager(led)).body(Map.of("name", "KUB Mawar"))
                .post("/api/v1/leds/" + led + "/groups").then().statusCode(201).extract().path("id"));
        UUID member = UUID.fromString(as(Tokens.manager(led))
                .body(Map.of("name", "Siti Rahmawati", "nik", "1406014507900003", "gender", "F",
                        "birthDate", "1990-07-05"))
                .post("/api/v1/leds/" + led + "/members").then().statusCode(201).extract().path("id"));
        String grant = as(Tokens.manager(led)).body(Map.of("source", "APBD Kabupaten Kampar 2026",
                "decreeNumber", "SK 412/2026", "amount", "500000000", "receivedOn", today))
                .post("/api/v1/leds/" + led + "/grants").then().statusCode(201).extract().path("id");
        String contribution = as(Tokens.manager(led)).body(Map.of("type", "COMMUNITY_EQUITY", "amount", "250000",
                "receivedOn", today))
                .post("/api/v1/leds/" + led + "/contributions").then().statusCode(201).extract().path("id");
        String expense = as(Tokens.manager(led)).body(Map.of("account", "5-1100", "amount", "100000",
                "paidOn", today, "description", "Cetak buku kas"))
                .post("/api/v1/leds/" + led + "/expenses").then().statusCode(201).extract().path("id");
        String movement = as(Tokens.manager(led)).body(Map.of("amount", "250000", "receivedOn", today))
                .post("/api/v1/leds/" + led + "/members/" + member + "/savings/deposits").then().statusCode(201)
                .extract().path("id");
        String product = as(Tokens.manager(led)).body(Map.of("name", "Pinjaman Modal Usaha KUB 2026",
                "interestMethod", "FLAT", "interestRate", "1.5", "ratePeriod", "MONTH", "frequency", "MONTHLY",
                "installments", 10, "graceInstallments", 0, "adminFeePercent", "1"))
                .post("/api/v1/leds/" + led + "/loan-products").then().statusCode(201).extract().path("id");
        Map<String, Object> application = Map.of("memberId", member, "productId", product, "principal", "3000000",
                "purpose", "Modal usaha kerupuk sagu");
        String loan = as(Tokens.clerk(led)).body(application).post("/api/v1/leds/" + led + "/loans").then()
                .statusCode(201).extract().path("id");
        String repaid = as(Tokens.clerk(led)).body(application).post("/api/v1/leds/" + led + "/loans").then()
                .statusCode(201).extract().path("id");
        as(Tokens.manager(led)).body(Map.of()).post("/api/v1/leds/" + led + "/loans/" + repaid + "/approval").then()
                .statusCode(200);
        as(Tokens.manager(led)).body(Map.of("disbursedOn", today))
                .post("/api/v1/leds/" + led + "/loans/" + repaid + "/disbursement").then().statusCode(201);
        String repayment = as(Tokens.clerk(led)).body(Map.of("amount", "1000", "paidOn", today))
                .post("/api/v1/leds/" + led + "/loans/" + repaid + "/repayments").then().statusCode(201)
                .extract().path("id");
        String transfer = as(Tokens.clerk(led)).body(Map.of("from", "1-1200", "to", "1-1100", "amount", "1000",
                "on", today)).post("/api/v1/leds/" + led + "/transfers").then().statusCode(201).extract().path("id");
        String programme = as(Tokens.trainer(led)).body(Map.of("name", "Pelatihan Kewirausahaan Digital Duri Selatan",
                "startsOn", today, "endsOn", today, "modules", List.of(Map.of("code", "KEU", "title",
                        "Pengelolaan Keuangan", "area", "FINANCIAL_MANAGEMENT"))))
                .post("/api/v1/leds/" + led + "/programmes").then().statusCode(201).extract().path("id");
        String session = as(Tokens.trainer(led)).body(Map.of("heldOn", today, "moduleCode", "KEU"))
                .post("/api/v1/leds/" + led + "/programmes/" + programme + "/sessions").then().statusCode(201)
                .extract().path("id");
        String trainee = as(Tokens.trainer(led)).body(Map.of("memberId", member))
                .post("/api/v1/leds/" + led + "/programmes/" + programme + "/trainees").then().statusCode(201)
                .extract().path("id");
        String evaluation = as(Tokens.trainer(led)).body(Map.of("moduleCode", "KEU", "score", 70, "evaluatedOn",
                today)).post("/api/v1/leds/" + led + "/trainees/" + trainee + "/evaluations").then().statusCode(201)
                .extract().path("id");
        Map<String, String> ids = new java.util.HashMap<>(Map.of("{districtId}", district.toString(),
                "{ledId}", led.toString(), "{entryId}", entry.toString(), "{accountCode}", "1-1100",
                "{groupId}", group.toString(), "{memberId}", member.toString(), "{grantId}", grant,
                "{contributionId}", contribution, "{expenseId}", expense, "{movementId}", movement));
        ids.putAll(Map.of("{productId}", product, "{loanId}", loan, "{repaymentId}", repayment,
                "{transferId}", transfer, "{pendingId}", UUID.randomUUID().toString(),
                "{provisionId}", UUID.randomUUID().toString(), "{batchId}", UUID.randomUUID().toString(),
                "{yearEndId}", UUID.randomUUID().toString()));
        ids.putAll(Map.of("{programmeId}", programme, "{sessionId}", session, "{traineeId}", trainee,
                "{evaluationId}", evaluation));

        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            String url = path.getKey();
            for (Map.Entry<String, String> id : ids.entrySet()) {
                url = url.replace(id.getKey(), id.getValue());
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                boolean platform = url.equals("/api/v1/districts")
                        || url.equals("/api/v1/leds") && op.getKey().equals("post");
                String token = platform ? Tokens.admin() : Tokens.manager(led);
                Response response = send(token, op.getKey(), url, op.getValue());
                String status = Integer.toString(response.statusCode());
                JsonNode documented = op.getValue().get("responses");
                checked++;
                if (!documented.has(status)) {
                    problems.add(op.getKey().toUpperCase() + " " + path.getKey() + " answered " + status
                            + ", not documented");
                } else if (status.startsWith("2")) {
                    problems.addAll(undocumentedFields(contract, documented.get(status), response,
                            op.getKey().toUpperCase() + " " + path.getKey()));
                }
            }
        }
        assertTrue(checked >= 30, "expected every operation to be checked, got " + checked);
        assertEquals(List.of(), problems);
    }

    /** Fields the service sent that the response schema does not declare. */
    private static List<String> undocumentedFields(JsonNode contract, JsonNode response, Response actual,
            String operation) throws IOException {
        JsonNode schema = resolve(contract, response.at("/content/application~1json/schema"));
        if (schema.isMissingNode()) {
            return List.of(operation + ": 2xx response without a schema");
        }
        JsonNode body = JSON.readTree(actual.asString());
        List<String> extra = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!schema.path("properties").has(name)) {
                extra.add(operation + ": field '" + name + "' is not in the schema");
            }
        });
        return extra;
    }

    private static JsonNode resolve(JsonNode contract, JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = contract.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** Sends the operation with its first documented request example (JSON or CSV), if it has a body. */
    private static Response send(String token, String method, String url, JsonNode operation) throws IOException {
        if (method.equals("get")) {
            return as(token).get(url);
        }
        JsonNode content = operation.at("/requestBody/content");
        String mediaType = content.has("text/csv") ? "text/csv" : "application/json";
        JsonNode examples = content.path(mediaType).path("examples");
        JsonNode example = examples.elements().hasNext() ? examples.elements().next().get("value") : null;
        Object body = example == null ? Map.of()
                : example.isTextual() ? example.asText() : JSON.treeToValue(example, Object.class);
        var request = as(token).contentType(mediaType).body(body);
        return method.equals("patch") ? request.patch(url) : request.post(url);
    }

    private static JsonNode contract() throws IOException {
        return YAML.readTree(CONTRACT.toFile());
    }
}
