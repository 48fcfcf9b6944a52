package id.lumbung.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.lumbung.platform.BadRequests.Bad;
import id.lumbung.support.LogCapture;
import id.lumbung.support.Operations;
import id.lumbung.support.Operations.Operation;
import id.lumbung.support.Snapshot;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import id.lumbung.support.Village;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * At least 10,000 invalid requests generated from openapi.yaml ({@link BadRequests}) against an LED
 * with real data, sent by a few threads: each must be answered 4xx {@code application/problem+json}
 * with a problem type the contract documents and its own status, never 5xx; nothing may be written
 * (every table's row count and every journal head as before); and neither the answers nor the
 * service's log during the run may show a member's NIK or a stack trace. The seed is fixed
 * ({@code -Dlumbung.bad-input.seed} changes it) so a failure can be replayed.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class GeneratedBadInputTest {

    private static final int MINIMUM = 10_000;
    private static final int THREADS = 4;
    private static final long SEED = Long.getLong("lumbung.bad-input.seed", 20_260_401L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What the service answered to one bad request, and what is wrong with the answer (null: nothing). */
    private record Answer(Bad request, int status, String problem) {
    }

    @Test
    void tenThousandBadRequestsAreEachADocumented4xxProblemAndWriteNothing() throws Exception {
        Village village = Village.of("Salo " + UUID.randomUUID().toString().substring(0, 6));
        List<Operation> operations = Operations.all();
        Map<String, String> tokens = new TreeMap<>();
        for (Operation operation : operations) {
            // Every LED operation is the manager's to call; the platform's are the admin's.
            tokens.put(operation.id(), operation.template().contains("{ledId}") && !operation.id().equals("getLed")
                    ? Tokens.manager(village.led) : Tokens.admin());
        }
        List<Bad> requests = BadRequests.generate(operations, village, tokens, SEED, MINIMUM);
        Set<String> documented = documentedTypes();

        Snapshot before = Snapshot.take();
        long started = System.nanoTime();
        List<Answer> answers = new ArrayList<>();
        List<String> log;
        try (LogCapture capture = LogCapture.start()) {
            answers.addAll(send(requests, documented, village));
            log = capture.lines();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<String> changes = before.changesTo(Snapshot.take());

        print(answers, millis);
        List<String> failures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Answer answer : answers) {
            // One line per operation, category and problem is enough to find the cause.
            String key = answer.request.operation().id() + answer.request.category() + answer.problem;
            if (answer.problem != null && seen.add(key) && failures.size() < 60) {
                failures.add(answer.request.operation() + " [" + answer.request.category() + "] "
                        + abbreviate(answer.request.path()) + " (" + answer.request.headers().get("Content-Type")
                        + ") -> " + answer.problem);
            }
        }
        long failed = answers.stream().filter(a -> a.problem != null).count();
        assertTrue(requests.size() >= MINIMUM, "only " + requests.size() + " requests generated");
        assertEquals(List.of(), failures, () -> failed + " of " + answers.size() + " answers are wrong:\n  "
                + String.join("\n  ", failures));
        assertEquals(List.of(), changes, "the bad requests wrote rows or moved a journal head");
        List<String> badLines = log.stream().filter(line -> line.contains("at id.lumbung")
                || line.contains("Exception") || village.niks.stream().anyMatch(line::contains)).toList();
        assertEquals(List.of(), badLines.stream().map(GeneratedBadInputTest::abbreviate).limit(20).toList(),
                "the service log shows a stack trace or a NIK during the run");
    }

    private static List<Answer> send(List<Bad> requests, Set<String> documented, Village village)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (Bad bad : requests) {
                futures.add(pool.submit(() -> answer(bad, documented, village)));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answer answer(Bad bad, Set<String> documented, Village village) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + bad.path())).timeout(Duration.ofSeconds(30));
        bad.headers().forEach(request::header);
        request.method(bad.operation().method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
        HttpResponse<byte[]> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            // The service closes a connection after refusing an oversized body; a request the client
            // had queued on it fails unsent. Once more on a fresh connection; a second failure counts.
            try {
                response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (Exception again) {
                return new Answer(bad, 0, "no answer: " + again);
            }
        } catch (Exception e) {
            return new Answer(bad, 0, "no answer: " + e);
        }
        return new Answer(bad, response.statusCode(), check(response, documented, village));
    }

    /** What is wrong with an answer to a bad request; null when nothing. */
    private static String check(HttpResponse<byte[]> response, Set<String> documented, Village village) {
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String summary = status + " " + abbreviate(body);
        if (status < 400 || status >= 500) {
            return "not a 4xx: " + summary;
        }
        String mediaType = response.headers().firstValue("Content-Type").orElse("");
        if (!mediaType.startsWith("application/problem+json")) {
            return "not application/problem+json (" + mediaType + "): " + summary;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (Exception e) {
            return "the problem is not JSON: " + summary;
        }
        if (!documented.contains(problem.path("type").asText())) {
            return "undocumented problem type: " + summary;
        }
        if (problem.path("status").asInt() != status) {
            return "the problem's status differs from the answer's: " + summary;
        }
        if (body.contains("Exception") || body.contains("at id.lumbung")) {
            return "the answer shows an exception: " + summary;
        }
        if (village.niks.stream().anyMatch(body::contains)) {
            return "the answer shows a member's NIK";
        }
        return null;
    }

    /** The problem types the contract lists, less the two 5xx ones a bad request must never get. */
    private static Set<String> documentedTypes() {
        Set<String> types = new HashSet<>();
        Operations.resolve(Operations.CONTRACT.at("/components/schemas/Problem/properties/type")).path("enum")
                .forEach(t -> types.add(t.asText()));
        assertTrue(types.size() > 10, "the contract lists the problem types in Problem.type's enum");
        types.remove("urn:lumbung:problem:internal-error");
        types.remove("urn:lumbung:problem:database-unavailable");
        return types;
    }

    private static void print(List<Answer> answers, long millis) {
        Map<String, AtomicInteger> byCategory = new TreeMap<>();
        Map<Integer, AtomicInteger> byStatus = new TreeMap<>();
        Set<String> operations = new HashSet<>();
        for (Answer answer : answers) {
            byCategory.computeIfAbsent(answer.request.category(), c -> new AtomicInteger()).incrementAndGet();
            byStatus.computeIfAbsent(answer.status, s -> new AtomicInteger()).incrementAndGet();
            operations.add(answer.request.operation().id());
        }
        StringBuilder out = new StringBuilder(String.format("%nGenerated bad input: %d requests over %d operations"
                + " in %.1f s (seed %d)%n  by category:%n", answers.size(), operations.size(), millis / 1000.0, SEED));
        byCategory.forEach((category, n) -> out.append(String.format("    %-40s %6d%n", category, n.get())));
        out.append("  by status:\n");
        byStatus.forEach((status, n) -> out.append(String.format("    %-40s %6d%n",
                status == 0 ? "no answer" : status.toString(), n.get())));
        System.out.println(out);
    }

    private static String abbreviate(String text) {
        return text.length() > 240 ? text.substring(0, 240) + "…" : text;
    }
}
