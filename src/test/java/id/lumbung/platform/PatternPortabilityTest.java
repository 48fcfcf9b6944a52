package id.lumbung.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import id.lumbung.platform.validation.Text;

/**
 * Every {@code pattern} of openapi.yaml means the same to every client as to the service. Clients read
 * patterns as ECMA-262 (JavaScript) regular expressions that search the value; the service's
 * {@code @Pattern} matches the whole value with java.util.regex. So each pattern must be anchored
 * {@code ^…$}, compile in node with and without the {@code u} flag, and give, for every probe string,
 * the same answer in node as Java's {@code matches()}. The patterns come from the contract, not from a
 * list here, so a new endpoint's patterns are checked without new code.
 */
class PatternPortabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {patterns, probes} on stdin; answers {pattern: {flags: error | [bool per probe]}}. */
    private static final String NODE_SCRIPT = """
            let input = '';
            process.stdin.on('data', d => input += d);
            process.stdin.on('end', () => {
              const {patterns, probes} = JSON.parse(input);
              const out = {};
              for (const p of patterns) {
                out[p] = {};
                for (const flags of ['', 'u']) {
                  try {
                    const re = new RegExp(p, flags);
                    out[p][flags || 'none'] = probes.map(s => re.test(s));
                  } catch (e) {
                    out[p][flags || 'none'] = String(e.message);
                  }
                }
              }
              process.stdout.write(JSON.stringify(out));
            });
            """;

    private static JsonNode contract;

    @BeforeAll
    static void readContract() throws IOException {
        contract = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi.yaml").toFile());
    }

    @Test
    void everyPatternIsAnchoredAndCompilesInJava() {
        List<String> problems = new ArrayList<>();
        for (String pattern : patterns()) {
            if (!pattern.startsWith("^") || !pattern.endsWith("$") || pattern.endsWith("\\$")) {
                problems.add(pattern + ": not anchored with ^…$ (a contract pattern searches; @Pattern matches)");
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                problems.add(pattern + ": java.util.regex refuses it: " + e.getDescription());
            }
        }
        assertFalse(patterns().isEmpty(), "the contract has no pattern at all");
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPatternMeansTheSameInNodeAndInJava() throws Exception {
        Path node = node();
        List<String> patterns = new ArrayList<>(patterns());
        List<String> probes = new ArrayList<>(probes());
        Process process = new ProcessBuilder(node.toString(), "-e", NODE_SCRIPT).redirectErrorStream(false).start();
        process.getOutputStream().write(JSON.writeValueAsBytes(Map.of("patterns", patterns, "probes", probes)));
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, process.exitValue(), "node failed: " + err);
        JsonNode answers = JSON.readTree(out);

        Map<String, String> problems = new TreeMap<>();
        for (String pattern : patterns) {
            Pattern java;
            try {
                java = Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                problems.put(pattern, "java.util.regex refuses it");
                continue;
            }
            for (String flags : List.of("none", "u")) {
                JsonNode results = answers.path(pattern).path(flags);
                if (!results.isArray()) {
                    problems.put(pattern + " /" + flags, "node refuses it: " + results.asText());
                    continue;
                }
                for (int i = 0; i < probes.size(); i++) {
                    boolean inJava = java.matcher(probes.get(i)).matches();
                    if (results.get(i).asBoolean() != inJava) {
                        problems.put(pattern + " /" + flags + " " + JSON.writeValueAsString(probes.get(i)),
                                "node " + results.get(i).asBoolean() + ", java " + inJava);
                    }
                }
            }
        }
        assertEquals(Map.of(), problems);
    }

    /** The shared text pattern refuses exactly Unicode's control characters (C0, DEL, C1). */
    @Test
    void textRefusesExactlyTheControlCharacters() {
        Pattern text = Pattern.compile(Text.NO_CONTROL_CHARACTERS);
        for (int c = 0; c <= 0x10FFFF; c++) {
            if (c >= 0xD800 && c <= 0xDFFF) {
                continue;
            }
            boolean control = Character.getType(c) == Character.CONTROL;
            String hex = Integer.toHexString(c);
            assertEquals(!control, text.matcher("a" + Character.toString(c) + "b").matches(), () -> "U+" + hex);
        }
    }

    private static Set<String> patterns() {
        Set<String> found = new LinkedHashSet<>();
        collect(contract, found);
        return found;
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("pattern") && field.getValue().isTextual()) {
                    into.add(field.getValue().asText());
                } else {
                    collect(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, into));
        }
    }

    /**
     * Strings near every edge a pattern has here: empty, ordinary Indonesian text, codes, amounts,
     * phone numbers and ids, each also with a character before, after, a trailing line break, and with
     * each control character class inside; plus every string example of the contract.
     */
    private static Set<String> probes() {
        Set<String> base = new LinkedHashSet<>(List.of("", " ", "a", "Kabupaten Kampar", "LED Desa Kuok",
                "Dusun II Kuok", "SK 412/2026", "Rp 2.500.000,00 — lunas ✓", "Pak Budi 👍", "ÄÖÜ éè ñ",
                "1-1100", "5-1100-01", "2-1100-0007abcdefghij", "6-1100", "1-110", "1406", "1406012001",
                "14.06-01", "1406014507900003", "140601450790000", "081276543210", "+62 812-7654-3210",
                "++62", "2500000.00", "-1.5", "1.234", "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6b",
                "0193A5B1-2D4F-7B6E-8A90-1C2D3E4F5A6B", "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6"));
        collectExamples(contract, base);
        Set<String> probes = new LinkedHashSet<>();
        for (String s : base) {
            probes.add(s);
            probes.add("x" + s);
            probes.add(s + "x");
            probes.add(s + "\n");
            probes.add("\n" + s);
            probes.add(s + "\r\n");
        }
        for (String control : List.of("\u0000", "\t", "\n", "\r", "\u001F", "\u007F", "\u0080", "\u0085",
                "\u009F", "\u00A0", "\u2028", "\u2029", "\uFEFF")) {
            probes.add("Kas" + control + "kecil");
            probes.add(control);
        }
        return probes;
    }

    private static void collectExamples(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("examples") && field.getValue().isArray()) {
                    field.getValue().forEach(e -> {
                        if (e.isTextual()) {
                            into.add(e.asText());
                        }
                    });
                }
                collectExamples(field.getValue(), into);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectExamples(child, into));
        }
    }

    /**
     * Node.js from PATH or /usr/bin. CI (CI set) must have it, and fails without; elsewhere the check
     * is skipped with a note, so that ./mvnw verify still needs nothing but a JDK.
     */
    private static Path node() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "node");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if (System.getenv("CI") != null) {
            throw new AssertionError("node is needed to check the contract's patterns in ECMA-262");
        }
        Assumptions.abort("node not found: the ECMA-262 side of the pattern check is skipped");
        return null;
    }
}
