package id.lumbung.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Each operation kind of a batch carries exactly its single endpoint's body fields, its path ids,
 * {@code key} and {@code op}: a field added to a single request without its batch operation (or the
 * other way round) fails here, by the contract both are generated into.
 */
class BatchContractTest {

    /** Operation schema → the single endpoint's request schema and the ids that endpoint has in its path. */
    private static final Map<String, Map.Entry<String, Set<String>>> KINDS = Map.of(
            "RepaymentOperation", Map.entry("RepaymentRequest", Set.of("loanId")),
            "SavingsDepositOperation", Map.entry("SavingsDepositRequest", Set.of("memberId")),
            "SavingsWithdrawalOperation", Map.entry("SavingsWithdrawalRequest", Set.of("memberId")),
            "ContributionOperation", Map.entry("ContributionRequest", Set.of()),
            "ExpenseOperation", Map.entry("ExpenseRequest", Set.of()),
            "GroupRepaymentOperation", Map.entry("GroupRepaymentRequest", Set.of("groupId", "loanId")));

    @Test
    void everyOperationKindHasExactlyItsSingleEndpointsFields() throws IOException {
        JsonNode schemas = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi.yaml").toFile())
                .at("/components/schemas");
        JsonNode mapping = schemas.at("/BatchOperation/discriminator/mapping");
        assertEquals(KINDS.size(), mapping.size());
        KINDS.forEach((operation, single) -> {
            Set<String> expected = new TreeSet<>(names(schemas.get(single.getKey())));
            expected.addAll(single.getValue());
            expected.add("key");
            expected.add("op");
            assertEquals(expected, names(schemas.get(operation)), operation);
            Set<String> required = new TreeSet<>();
            schemas.get(single.getKey()).path("required").forEach(r -> required.add(r.asText()));
            Set<String> operationRequired = new TreeSet<>();
            schemas.get(operation).path("required").forEach(r -> operationRequired.add(r.asText()));
            assertEquals(true, operationRequired.containsAll(required), operation + " requires " + required);
        });
        mapping.fields().forEachRemaining(kind -> assertEquals(true, BatchOperation.KINDS.containsKey(kind.getKey()),
                kind.getKey()));
    }

    private static Set<String> names(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
