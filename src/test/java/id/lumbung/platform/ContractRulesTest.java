package id.lumbung.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Rules every operation of openapi.yaml follows so that generated clients read well and stay stable.
 * Derived from the contract itself: a new endpoint is checked without touching this class, and fails
 * here until it follows them.
 */
class ContractRulesTest {

    /**
     * First words an operationId may start with. A new verb is fine: add it here when an operation
     * needs it (approveLoan, disburseLoan, ...), never a noun.
     */
    private static final Set<String> VERBS = Set.of("list", "get", "create", "register", "open", "record", "post",
            "reverse", "verify", "update", "import", "close", "deposit", "withdraw", "apply", "approve", "reject",
            "disburse", "repay", "write", "cancel", "set", "enroll", "evaluate", "mark", "transfer", "preview",
            "calculate", "provision", "classify", "export", "complete", "submit", "assign", "remove", "delete",
            "add", "change", "replace", "accrue", "settle", "attend", "search", "summarize", "report", "retire",
            "reschedule");

    private static final Pattern CAMEL_CASE = Pattern.compile("^[a-z]+(?:[A-Z][a-z0-9]*)+$|^[a-z]+$");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static JsonNode contract;

    @BeforeAll
    static void readContract() throws IOException {
        contract = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi.yaml").toFile());
    }

    @Test
    void everyOperationHasAUniqueVerbFirstCamelCaseOperationId() {
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        forEachOperation((name, operation) -> {
            String id = operation.path("operationId").asText("");
            if (id.isEmpty()) {
                problems.add(name + ": no operationId");
                return;
            }
            if (!CAMEL_CASE.matcher(id).matches()) {
                problems.add(name + ": operationId '" + id + "' is not lowerCamelCase");
            }
            String verb = id.split("(?=[A-Z])")[0];
            if (!VERBS.contains(verb)) {
                problems.add(name + ": operationId '" + id + "' does not start with a verb (" + verb + ")");
            }
            String before = seen.put(id, name);
            if (before != null) {
                problems.add(name + ": operationId '" + id + "' is also " + before);
            }
        });
        assertFalse(seen.isEmpty(), "the contract has no operation");
        assertEquals(List.of(), problems);
    }

    @Test
    void pathParametersAreNamedAfterTheirResourceAndComeFirstInPathOrder() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, operation) -> {
            String path = name.substring(name.indexOf(' ') + 1);
            List<String> inPath = new ArrayList<>();
            Matcher m = PATH_PARAMETER.matcher(path);
            while (m.find()) {
                inPath.add(m.group(1));
                String segment = previousSegment(path, m.start());
                if (!namedAfter(m.group(1), segment)) {
                    problems.add(name + ": {" + m.group(1) + "} is not named after '" + segment
                            + "' (e.g. {" + camel(singular(segment)) + "Id})");
                }
            }
            List<String> declared = new ArrayList<>();
            operation.path("parameters").forEach(p -> declared.add(p.path("in").asText() + ":" + p.path("name")
                    .asText()));
            List<String> expected = inPath.stream().map(p -> "path:" + p).toList();
            if (declared.size() < expected.size() || !declared.subList(0, expected.size()).equals(expected)) {
                problems.add(name + ": parameters " + declared + " do not start with " + expected);
            }
        });
        assertEquals(List.of(), problems);
    }

    private static void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(op.getKey())) {
                action.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
    }

    private static String previousSegment(String path, int parameterStart) {
        String before = path.substring(0, parameterStart);
        String[] segments = before.split("/");
        return segments.length == 0 ? "" : segments[segments.length - 1];
    }

    /**
     * {ledId} after leds, {entryId} after journal-entries, {loanProductId} or {productId} after
     * loan-products, {accountCode} after accounts: the resource's singular name (or its last word) and
     * Id, Code or Number. Never a bare {id}.
     */
    private static boolean namedAfter(String parameter, String segment) {
        Matcher m = Pattern.compile("^([a-z][A-Za-z0-9]*)(Id|Code|Number)$").matcher(parameter);
        if (!m.matches()) {
            return false;
        }
        String resource = camel(singular(segment));
        String stem = m.group(1);
        return resource.equalsIgnoreCase(stem)
                || resource.toLowerCase().endsWith(stem.toLowerCase()) && Character.isUpperCase(
                        resource.charAt(resource.length() - stem.length()));
    }

    private static String singular(String segment) {
        if (segment.endsWith("ies")) {
            return segment.substring(0, segment.length() - 3) + "y";
        }
        if (segment.matches(".*(ch|sh|x|ss)es$")) {
            return segment.substring(0, segment.length() - 2);
        }
        return segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
    }

    private static String camel(String segment) {
        StringBuilder out = new StringBuilder();
        for (String word : segment.split("-")) {
            out.append(out.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }
}
