package id.lumbung.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Every operation of the root openapi.yaml, read with Jackson's YAML reader: for tests that walk the
 * whole contract (the authorisation matrix, the generated bad input), so an endpoint is covered as
 * soon as it is in the contract.
 */
public final class Operations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The contract as a tree ({@code components} included, for schemas). */
    public static final JsonNode CONTRACT = read(Path.of("openapi.yaml"));

    private Operations() {
    }

    /** One parameter of an operation: its name, where it goes ({@code path}, {@code query}, {@code header}). */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation. {@code public} is true when the contract declares {@code security: []} for it
     * (anonymous callers allowed); {@code mediaType} and {@code example} describe its request body
     * (JSON preferred when there are several), null when it takes none.
     */
    public record Operation(String method, String template, String id, boolean open, List<Parameter> parameters,
            String mediaType, String example, JsonNode bodySchema) {

        public boolean hasBody() {
            return mediaType != null;
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return id + " (" + method + " " + template + ")";
        }
    }

    /** Every operation, in the contract's order. */
    public static List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = CONTRACT.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<JsonNode> shared = list(path.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> method = it.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(operation(path.getKey(), method.getKey().toUpperCase(), method.getValue(), shared));
                }
            }
        }
        return operations;
    }

    /** A {@code $ref} resolved against the contract; other nodes as they are. */
    public static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = CONTRACT.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static Operation operation(String template, String method, JsonNode node, List<JsonNode> shared) {
        JsonNode security = node.has("security") ? node.get("security") : CONTRACT.path("security");
        boolean open = security.isArray() && security.isEmpty();
        List<Parameter> parameters = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>(shared);
        all.addAll(list(node.path("parameters")));
        for (JsonNode parameter : all) {
            JsonNode p = resolve(parameter);
            parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                    p.path("required").asBoolean(false), resolve(p.path("schema"))));
        }
        String mediaType = null;
        String example = null;
        JsonNode schema = null;
        JsonNode content = resolve(node.path("requestBody")).path("content");
        if (content.isObject() && !content.isEmpty()) {
            mediaType = content.has("application/json") ? "application/json" : content.fieldNames().next();
            JsonNode media = content.get(mediaType);
            schema = resolve(media.path("schema"));
            JsonNode value = media.has("example") ? media.get("example")
                    : media.path("examples").isObject() && !media.path("examples").isEmpty()
                            ? resolve(media.path("examples").elements().next()).path("value") : null;
            if (value != null && !value.isMissingNode()) {
                example = value.isTextual() ? value.asText() : write(value);
            }
        }
        return new Operation(method, template, node.path("operationId").asText(), open, List.copyOf(parameters),
                mediaType, example, schema);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static String write(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract " + file, e);
        }
    }
}
