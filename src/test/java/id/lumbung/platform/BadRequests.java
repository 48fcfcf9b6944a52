package id.lumbung.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.lumbung.support.Operations;
import id.lumbung.support.Operations.Operation;
import id.lumbung.support.Operations.Parameter;
import id.lumbung.support.Village;

/**
 * Invalid requests generated from openapi.yaml, deterministically: for every operation, each field of
 * its example body broken by its schema (wrong types, nulls, missing required fields, unknown fields,
 * numbers out of bounds, amounts with exponents or three decimals, impossible dates, control
 * characters, lone surrogates, strings past their length), the whole body broken (malformed, deeply
 * nested, duplicate keys, bytes that are not UTF-8, over the size limit, the wrong media type), and
 * hostile values in every path, query and header parameter. A seeded random mix of two or three of
 * those tops the total up. Nothing here names an endpoint: a new operation is covered once it is in
 * the contract.
 */
final class BadRequests {

    /** One request: its category (for the totals), the operation, and what goes on the wire. */
    record Bad(String category, Operation operation, String path, Map<String, String> headers, byte[] body) {
    }

    static final String LONG = "x".repeat(10_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String RAW = "\u0002raw:";

    /** Percent-encoded values no path or query parameter may accept. */
    private static final List<String> HOSTILE = List.of("%00", "a%00b", "%01", "%09", "%0A", "%0D", "%1B", "%1F",
            "%7F", "%C2%85", "%C2%9F", "%FF", "%C3%28", "%ED%A0%80", LONG, "x%00" + LONG.substring(0, 500));
    /** Percent-encoded path ids that are not UUIDs. */
    private static final List<String> NOT_UUIDS = List.of("not-a-uuid", "123", "-1",
            "0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a1",
            "0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a10f", "0193a5b07c1e7d3a9f215b8e2c4d6a10x", "%7BledId%7D",
            "%27%20OR%201%3D1--", "..%2F..", "%20", "00000000-0000-0000-0000-00000000000g", "%E2%80%AE1234");

    private final Village village;
    private final String token;
    private final Random random;
    private final List<Bad> out = new ArrayList<>();

    private BadRequests(Village village, String token, long seed) {
        this.village = village;
        this.token = token;
        this.random = new Random(seed);
    }

    /** At least {@code minimum} bad requests over {@code operations}, the same ones for the same seed. */
    static List<Bad> generate(List<Operation> operations, Village village, Map<String, String> tokens, long seed,
            int minimum) {
        BadRequests generator = new BadRequests(village, null, seed);
        for (Operation operation : operations) {
            BadRequests forOne = new BadRequests(village, tokens.get(operation.id()), seed);
            forOne.operation(operation);
            generator.out.addAll(forOne.out);
        }
        generator.topUp(operations, tokens, minimum);
        return generator.out;
    }

    private void operation(Operation operation) {
        Map<String, String> ids = village.ids(operation.template());
        pathParameters(operation, ids);
        queryParameters(operation, ids);
        headerParameters(operation, ids);
        if (operation.hasBody()) {
            if (operation.mediaType().equals("application/json")) {
                jsonBody(operation, ids);
            } else {
                textBody(operation, ids);
            }
            wholeBody(operation, ids);
        }
    }

    private void pathParameters(Operation operation, Map<String, String> ids) {
        for (String parameter : ids.keySet()) {
            List<String> values = new ArrayList<>(HOSTILE);
            if (!parameter.equals("accountCode")) {
                values.addAll(NOT_UUIDS);
            }
            for (String value : values) {
                Map<String, String> broken = new LinkedHashMap<>(ids);
                broken.put(parameter, value);
                add(value.equals(LONG) || HOSTILE.contains(value) ? "path: hostile value" : "path: not a UUID",
                        operation, Village.fill(operation.template(), broken), Map.of(), exampleBody(operation));
            }
        }
    }

    private void queryParameters(Operation operation, Map<String, String> ids) {
        String path = Village.fill(operation.template(), ids);
        for (Parameter parameter : operation.in("query")) {
            List<String> values = new ArrayList<>(HOSTILE);
            values.addAll(wrongQueryValues(parameter.schema()));
            for (String value : values) {
                add(HOSTILE.contains(value) ? "query: hostile value" : "query: wrong type or bound", operation,
                        path + "?" + parameter.name() + "=" + value, Map.of(), exampleBody(operation));
            }
            add("query: hostile name", operation, path + "?" + parameter.name() + "%00=1", Map.of(),
                    exampleBody(operation));
        }
        add("query: hostile name", operation, path + "?%01" + LONG.substring(0, 100) + "=1", Map.of(),
                exampleBody(operation));
    }

    /** Values a query parameter of this schema must refuse, by its type and bounds. */
    private static List<String> wrongQueryValues(JsonNode schema) {
        JsonNode s = flatten(schema);
        List<String> values = new ArrayList<>();
        String type = type(s);
        if ("date".equals(s.path("format").asText())) {
            values.addAll(List.of("2026-02-30", "99999-01-01", "2026-13-01", "2026-00-10", "26-01-01",
                    "2026%2F01%2F01", "20260101", "2026-1-1", "today", "2026-01-01T00%3A00%3A00"));
        } else if ("uuid".equals(s.path("format").asText())) {
            values.addAll(List.of("not-a-uuid", "123", "0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a1"));
        } else if (s.has("enum")) {
            values.addAll(List.of("NOPE", "1", "%20"));
        } else if ("integer".equals(type)) {
            values.addAll(List.of("abc", "1.5", "1e3", "99999999999999999999", "0x10", "NaN", "%2B%2B1"));
            if (s.has("minimum")) {
                values.add(Long.toString(s.get("minimum").asLong() - 1));
            }
            if (s.has("maximum")) {
                values.add(Long.toString(s.get("maximum").asLong() + 1));
            }
        } else if ("boolean".equals(type)) {
            values.addAll(List.of("maybe", "2", "yes%00"));
        }
        return values;
    }

    private void headerParameters(Operation operation, Map<String, String> ids) {
        String path = Village.fill(operation.template(), ids);
        for (Parameter parameter : operation.in("header")) {
            // Values of the Idempotency-Key header; an empty one counts as no key (the HTTP layer drops it).
            for (String value : List.of("x".repeat(201), "x".repeat(4000), "a b c", "two words")) {
                add("header: hostile value", operation, path, Map.of(parameter.name(), value), exampleBody(operation));
            }
        }
    }

    private void jsonBody(Operation operation, Map<String, String> ids) {
        String path = Village.fill(operation.template(), ids);
        JsonNode example = example(operation);
        if (!example.isObject()) {
            return;
        }
        for (Field field : fields(example, operation.bodySchema(), "")) {
            for (Map.Entry<String, JsonNode> broken : brokenValues(field)) {
                ObjectNode body = example.deepCopy();
                set(body, field.pointer, broken.getValue());
                add("body: " + broken.getKey(), operation, path, Map.of(), bytes(body));
            }
            if (field.required) {
                ObjectNode nulled = example.deepCopy();
                set(nulled, field.pointer, NODES.nullNode());
                add("body: null in a required field", operation, path, Map.of(), bytes(nulled));
                ObjectNode missing = example.deepCopy();
                remove(missing, field.pointer);
                add("body: missing required field", operation, path, Map.of(), bytes(missing));
            }
            if ("object".equals(type(field.schema)) || field.pointer.isEmpty()) {
                ObjectNode unknown = example.deepCopy();
                JsonNode target = field.pointer.isEmpty() ? unknown : unknown.at(field.pointer);
                if (target.isObject()) {
                    ((ObjectNode) target).put("surprise", 1);
                    add("body: unknown field", operation, path, Map.of(), bytes(unknown));
                }
            }
        }
        ObjectNode unknown = example.deepCopy();
        unknown.put("ledId", UUID.randomUUID().toString());
        add("body: unknown field", operation, path, Map.of(), bytes(unknown));
    }

    private void textBody(Operation operation, Map<String, String> ids) {
        String path = Village.fill(operation.template(), ids);
        String csv = operation.example() == null ? "a,b\n" : operation.example();
        String header = csv.substring(0, csv.indexOf('\n') + 1);
        String row = csv.substring(header.length(), csv.indexOf('\n', header.length()) + 1);
        List<String> bodies = List.of("", "\n", header, header + row.replaceFirst(",", ",\u0000"),
                header + row.replaceFirst(",", "," + LONG + ","), header + "\u0007,\u001b,\u007f\n",
                header.replace(",", ",,") + row, "not,a,header\n1,2,3\n", header + row.replaceAll("[0-9]", "9"),
                header + row.replaceFirst("[0-9]{4}-[0-9]{2}-[0-9]{2}", "2026-02-30"),
                header + row.replaceFirst("[0-9.]+,", "1e6,"), header + row.replaceFirst("[0-9]+\\.[0-9]+", "1.234"),
                header + "\"unterminated," + row);
        for (String body : bodies) {
            add("body: bad CSV", operation, path, Map.of("Content-Type", operation.mediaType()),
                    body.getBytes(StandardCharsets.UTF_8));
        }
        byte[] latin = (header + row).getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = new byte[latin.length + 3];
        System.arraycopy(latin, 0, notUtf8, 0, latin.length);
        notUtf8[latin.length] = (byte) 0xC3;
        notUtf8[latin.length + 1] = (byte) 0x28;
        notUtf8[latin.length + 2] = (byte) 0xFF;
        add("body: not UTF-8", operation, path, Map.of("Content-Type", operation.mediaType()), notUtf8);
    }

    /** Bodies that are broken as a whole, whatever the operation. */
    private void wholeBody(Operation operation, Map<String, String> ids) {
        String path = Village.fill(operation.template(), ids);
        byte[] example = exampleBody(operation);
        String json = "application/json";
        boolean takesJson = operation.mediaType().equals(json);
        if (takesJson) {
            // Not here: a byte order mark before a valid body, which RFC 8259 (8.1) lets a parser ignore.
            for (String body : List.of("", "{", "[", "{\"a\":}", "{} x", "{'a':1}", "null", "[]", "42", "\"text\"",
                    "true", "{\"a\":1,}", "{\"a\" 1}", "{\"\u0000\":1}",
                    "[" + "1,".repeat(50_000) + "1]")) {
                add("body: malformed JSON", operation, path, Map.of("Content-Type", json),
                        body.getBytes(StandardCharsets.UTF_8));
            }
            add("body: deeply nested", operation, path, Map.of("Content-Type", json),
                    ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
            add("body: deeply nested", operation, path, Map.of("Content-Type", json),
                    ("{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)).getBytes(StandardCharsets.UTF_8));
            JsonNode tree = example(operation);
            if (tree.isObject() && tree.size() > 0) {
                String first = tree.fieldNames().next();
                ObjectNode inner = tree.deepCopy();
                inner.set(first, nested(200));
                add("body: deeply nested", operation, path, Map.of("Content-Type", json), bytes(inner));
                String text = new String(example, StandardCharsets.UTF_8);
                String duplicated = "{\"" + first + "\":" + write(tree.get(first)) + "," + text.substring(1);
                add("body: duplicate key", operation, path, Map.of("Content-Type", json),
                        duplicated.getBytes(StandardCharsets.UTF_8));
                String twice = text.substring(0, text.length() - 1) + ",\"" + first + "\":"
                        + write(tree.get(first)) + "}";
                add("body: duplicate key", operation, path, Map.of("Content-Type", json),
                        twice.getBytes(StandardCharsets.UTF_8));
                for (byte[] bad : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF})) {
                    add("body: not UTF-8", operation, path, Map.of("Content-Type", json), withBytes(tree, first, bad));
                }
            }
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "image/png",
                takesJson ? "text/csv" : "application/yaml")) {
            add("body: wrong content type", operation, path, Map.of("Content-Type", type), example);
        }
        if (takesJson) {
            // JSON is UTF-8 (RFC 8259 8.1): the same body in UTF-16 is refused, whatever the label says.
            byte[] utf16 = new String(example, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
            add("body: not UTF-8", operation, path, Map.of("Content-Type", json + "; charset=UTF-16"), utf16);
            add("body: not UTF-8", operation, path, Map.of("Content-Type", json), utf16);
        }
        byte[] huge = ("{\"description\":\"" + "a".repeat(2 * 1024 * 1024 + 16) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        add("body: over the size limit", operation, path, Map.of("Content-Type", operation.mediaType()), huge);
    }

    /** Two or three broken parts of the requests made so far, at random (seeded), until {@code minimum}. */
    private void topUp(List<Operation> operations, Map<String, String> tokens, int minimum) {
        List<Bad> made = List.copyOf(out);
        List<Bad> bodies = made.stream().filter(b -> b.category.startsWith("body: ") && b.body != null
                && b.body.length < 100_000 && !b.category.equals("body: wrong content type")).toList();
        List<Bad> parameters = made.stream().filter(b -> b.category.startsWith("query: ")
                || b.category.startsWith("path: ")).toList();
        while (out.size() < minimum) {
            Bad body = bodies.get(random.nextInt(bodies.size()));
            List<Bad> sameOperation = parameters.stream().filter(p -> p.operation == body.operation).toList();
            if (sameOperation.isEmpty()) {
                continue;
            }
            Bad parameter = sameOperation.get(random.nextInt(sameOperation.size()));
            Map<String, String> headers = new LinkedHashMap<>(body.headers);
            headers.putAll(parameter.headers);
            out.add(new Bad("mixed: broken body and parameter", body.operation, parameter.path, headers, body.body));
        }
    }

    /** A field of a body: where it is (a JSON pointer), its schema, and whether it is required. */
    private record Field(String pointer, JsonNode schema, boolean required) {
    }

    /** The fields of an example (and of the first element of each array), with their schemas. */
    private static List<Field> fields(JsonNode example, JsonNode schema, String pointer) {
        List<Field> fields = new ArrayList<>();
        JsonNode s = flatten(schema);
        if (pointer.isEmpty()) {
            fields.add(new Field("", s, false));
        }
        List<String> required = new ArrayList<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            String at = pointer + "/" + property.getKey();
            JsonNode propertySchema = flatten(property.getValue());
            fields.add(new Field(at, propertySchema, required.contains(property.getKey())));
            JsonNode value = example.path(property.getKey());
            if (value.isObject()) {
                fields.addAll(fields(value, propertySchema, at));
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                fields.addAll(fields(value.get(0), flatten(propertySchema.path("items")), at + "/0"));
            }
        }
        return fields;
    }

    /** Values that break a field of this schema, by name of the kind of break. */
    private static List<Map.Entry<String, JsonNode>> brokenValues(Field field) {
        JsonNode s = field.schema;
        String type = type(s);
        String format = s.path("format").asText();
        List<Map.Entry<String, JsonNode>> values = new ArrayList<>();
        if (field.pointer.isEmpty()) {
            return values;
        }
        values.add(Map.entry("wrong type (object)", NODES.objectNode().put("a", 1)));
        values.add(Map.entry("wrong type (array)", NODES.arrayNode().add("a")));
        if (s.path("pattern").asText().startsWith("^-?[0-9]{1,16}")) {
            values.add(Map.entry("amount with exponent", NODES.textNode("1e6")));
            values.add(Map.entry("amount with exponent", NODES.textNode("1E+6")));
            values.add(Map.entry("amount with exponent (number)", raw("1e6")));
            values.add(Map.entry("amount with 3+ decimals", NODES.textNode("1500.123")));
            values.add(Map.entry("amount with 3+ decimals (number)", raw("1.005")));
            values.add(Map.entry("huge number", raw("1e400")));
            values.add(Map.entry("huge number", NODES.textNode("123456789012345678.00")));
            values.add(Map.entry("amount not a number", NODES.textNode("Rp 1.000.000")));
            values.add(Map.entry("amount not a number", NODES.textNode("NaN")));
            values.add(Map.entry("wrong type (boolean)", NODES.booleanNode(true)));
        } else if (format.equals("date")) {
            values.add(Map.entry("impossible date", NODES.textNode("2026-02-30")));
            values.add(Map.entry("date out of range", NODES.textNode("99999-01-01")));
            values.add(Map.entry("impossible date", NODES.textNode("2026-13-01")));
            values.add(Map.entry("date in another format", NODES.textNode("01/03/2026")));
            values.add(Map.entry("date as a number", raw("20260301")));
            values.add(Map.entry("date with a time", NODES.textNode("2026-03-01T10:00:00Z")));
        } else if (format.equals("uuid")) {
            values.add(Map.entry("not a UUID", NODES.textNode("not-a-uuid")));
            values.add(Map.entry("not a UUID", NODES.textNode("0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a1")));
            values.add(Map.entry("wrong type (number)", raw("12345")));
        } else if (s.has("enum")) {
            values.add(Map.entry("not in the enum", NODES.textNode("NOPE")));
            values.add(Map.entry("wrong type (number)", raw("1")));
        } else if ("integer".equals(type) || "number".equals(type)) {
            values.add(Map.entry("wrong type (string)", NODES.textNode("abc")));
            values.add(Map.entry("huge number", raw("99999999999999999999999")));
            values.add(Map.entry("huge number", raw("1e400")));
            values.add(Map.entry("wrong type (boolean)", NODES.booleanNode(true)));
            if (s.has("minimum")) {
                values.add(Map.entry("below the minimum", raw(Long.toString(s.get("minimum").asLong() - 1))));
            }
            if (s.has("maximum")) {
                values.add(Map.entry("above the maximum", raw(Long.toString(s.get("maximum").asLong() + 1))));
            }
        } else if ("boolean".equals(type)) {
            values.add(Map.entry("wrong type (string)", NODES.textNode("maybe")));
        } else if ("string".equals(type)) {
            values.add(Map.entry("control character", NODES.textNode("Siti\u0000Aminah")));
            values.add(Map.entry("control character", NODES.textNode("\u0007\u001b[31m")));
            values.add(Map.entry("control character", NODES.textNode("a\u0085b")));
            values.add(Map.entry("lone surrogate", raw("\"Siti \\ud800 Aminah\"")));
            if (s.has("maxLength") || s.has("pattern")) {
                values.add(Map.entry("very long string", NODES.textNode(LONG)));
            }
        } else if ("array".equals(type)) {
            values.add(Map.entry("wrong type (string)", NODES.textNode("x")));
            if (s.has("minItems") && s.get("minItems").asInt() > 0) {
                values.add(Map.entry("too few items", NODES.arrayNode()));
            }
            if (s.has("maxItems") && s.get("maxItems").asInt() <= 5000) {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                    many.add(NODES.objectNode());
                }
                values.add(Map.entry("too many items", many));
            }
        } else if ("object".equals(type)) {
            values.add(Map.entry("wrong type (string)", NODES.textNode("x")));
        }
        return values;
    }

    /** A schema with its {@code $ref} and the non-null branch of its {@code anyOf} merged in. */
    static JsonNode flatten(JsonNode schema) {
        ObjectNode merged = NODES.objectNode();
        JsonNode current = schema;
        if (current.has("$ref")) {
            merged.setAll((ObjectNode) flatten(Operations.resolve(current)));
        }
        if (current.has("anyOf")) {
            for (JsonNode branch : current.get("anyOf")) {
                if (!"null".equals(branch.path("type").asText())) {
                    merged.setAll((ObjectNode) flatten(branch));
                }
            }
        }
        if (current.isObject()) {
            current.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("$ref") && !f.getKey().equals("anyOf")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
        }
        return merged;
    }

    /** The schema's type, the non-null one of a type list. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText();
    }

    /** The operation's example body with its ids replaced by this village's rows, so only the break is wrong. */
    private JsonNode example(Operation operation) {
        try {
            JsonNode tree = JSON.readTree(operation.example() == null ? "{}" : operation.example());
            replaceIds(tree);
            return tree;
        } catch (Exception e) {
            throw new IllegalStateException("example of " + operation + " is not JSON", e);
        }
    }

    private void replaceIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, UUID> rows = Map.of("memberId", village.member, "leaderMemberId", village.member,
                    "productId", village.product, "groupId", village.group, "districtId", village.district);
            object.fields().forEachRemaining(f -> {
                if (rows.containsKey(f.getKey()) && f.getValue().isTextual()) {
                    f.setValue(NODES.textNode(rows.get(f.getKey()).toString()));
                } else {
                    replaceIds(f.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::replaceIds);
        }
    }

    private byte[] exampleBody(Operation operation) {
        if (!operation.hasBody()) {
            return null;
        }
        return operation.mediaType().equals("application/json") ? bytes(example(operation))
                : operation.example().getBytes(StandardCharsets.UTF_8);
    }

    private void add(String category, Operation operation, String path, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", "Bearer " + token);
        if (body != null && !headers.containsKey("Content-Type")) {
            all.put("Content-Type", operation.mediaType());
        }
        all.putAll(headers);
        out.add(new Bad(category, operation, path, all, body));
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    /** A raw JSON literal (a number Jackson would otherwise normalise, an escape) placed as it is written. */
    private static JsonNode raw(String literal) {
        return NODES.textNode(RAW + literal + RAW);
    }

    private static byte[] withBytes(JsonNode tree, String field, byte[] bad) {
        ObjectNode copy = tree.deepCopy();
        copy.put(field, "\u0003");
        String text = write(copy);
        int at = text.indexOf("\\u0003");
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at + 6).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        return all;
    }

    private static void set(ObjectNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(name, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(name), value);
        }
    }

    private static void remove(ObjectNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        if (parent instanceof ObjectNode object) {
            object.remove(pointer.substring(slash + 1));
        }
    }

    private static byte[] bytes(JsonNode body) {
        String text = write(body);
        // Raw literals were placed as marked strings; unwrap them into the JSON as written.
        String marker = "\"" + RAW.replace("\u0002", "\\u0002");
        while (text.contains(marker)) {
            int start = text.indexOf(marker);
            int end = text.indexOf(RAW.replace("\u0002", "\\u0002") + "\"", start + marker.length());
            String literal = text.substring(start + marker.length(), end).replace("\\\"", "\"")
                    .replace("\\\\", "\\");
            text = text.substring(0, start) + literal + text.substring(end + marker.length());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
