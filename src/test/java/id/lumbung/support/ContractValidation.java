package id.lumbung.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Checks every answer a test receives against the root openapi.yaml: the operation that the method
 * and path name, a status that operation documents, a documented media type, and a JSON body that its
 * schema accepts (JSON Schema 2020-12 in the OpenAPI 3.1 dialect, by networknt's validator, formats
 * asserted). A violation fails the request, and so the test that made it, with what was wrong.
 * Registered for every {@code @QuarkusTest} by {@link ContractValidationCallback}; nothing in it names
 * an endpoint, so new endpoints are checked as soon as a test calls them.
 *
 * <p>Paths the contract does not list (e.g. {@code /q/health}, a deliberately wrong URL) and methods
 * it does not list for a path (a deliberate 405) are not the contract's business and pass through.
 */
public final class ContractValidation implements Filter {

    private static final String BASE = "https://contract.lumbung.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The instance tests share; the contract is read once. */
    public static final ContractValidation INSTANCE = new ContractValidation(Path.of("openapi.yaml"));

    private final JsonNode contract;
    private final List<Route> routes = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public ContractValidation(Path file) {
        try {
            contract = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            String document = JSON.writeValueAsString(contract);
            registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                    .schemas(Map.of(BASE, document))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract " + file, e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = contract.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            routes.add(new Route(path.getKey()));
        }
        // A literal segment wins over a parameter (members:import over members/{memberId}).
        routes.sort((a, b) -> Integer.compare(b.literalLength, a.literalLength));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext ctx) {
        Response answer = ctx.next(request, response);
        List<String> violations = check(request.getMethod(), URI.create(request.getURI()).getPath(), answer);
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer breaks the contract (openapi.yaml):\n  "
                    + String.join("\n  ", violations));
        }
        return answer;
    }

    /** What is wrong with this answer to {@code method path}, by the contract; empty when nothing. */
    public List<String> check(String method, String path, Response answer) {
        Route route = routes.stream().filter(r -> r.matches(path)).findFirst().orElse(null);
        if (route == null) {
            return List.of();
        }
        JsonNode operation = contract.path("paths").path(route.template).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            return List.of();
        }
        String where = method + " " + route.template + " answered " + answer.statusCode();
        String status = Integer.toString(answer.statusCode());
        JsonNode documented = operation.path("responses").has(status) ? operation.path("responses").path(status)
                : operation.path("responses").path("default");
        if (documented.isMissingNode()) {
            return List.of(where + ": status not documented");
        }
        String pointer = "/paths/" + escape(route.template) + "/" + method.toLowerCase() + "/responses/"
                + (operation.path("responses").has(status) ? status : "default");
        if (documented.has("$ref")) {
            pointer = documented.get("$ref").asText().substring(1);
            documented = contract.at(pointer);
        }
        String body = answer.asString();
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        String mediaType = answer.contentType() == null ? "" : answer.contentType().split(";")[0].trim();
        JsonNode content = documented.path("content").path(mediaType);
        if (content.isMissingNode()) {
            return List.of(where + ": media type '" + mediaType + "' not documented for this status");
        }
        if (!mediaType.endsWith("json") || !content.has("schema")) {
            return List.of();
        }
        String location = BASE + "#" + pointer + "/content/" + escape(mediaType) + "/schema";
        Schema schema = schemas.computeIfAbsent(location, l -> registry.getSchema(SchemaLocation.of(l)));
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        List<String> violations = new ArrayList<>();
        for (Error error : errors) {
            violations.add(where + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        if (!violations.isEmpty()) {
            violations.add("body: " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
        }
        return violations;
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    /** A path template of the contract as a regular expression over request paths. */
    private static final class Route {
        final String template;
        final Pattern pattern;
        final int literalLength;

        Route(String template) {
            this.template = template;
            StringBuilder regex = new StringBuilder("^");
            int literal = 0;
            for (String part : template.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(part));
                    literal += part.length();
                }
            }
            this.pattern = Pattern.compile(regex.append("$").toString());
            this.literalLength = literal;
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
