package id.lumbung.platform;

import static id.lumbung.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import id.lumbung.support.Api;
import id.lumbung.support.Metrics;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every metric that the alerts (k8s/base/monitoring/prometheusrule.yaml) and the Grafana dashboard
 * (lumbung-dashboard.json) query is one the service exports in /q/metrics, under that exact name,
 * once it has done the work they watch: an alert on a misspelt metric never fires, a panel on one stays
 * empty. Metrics of CloudNativePG's own exporter (cnpg_*) come from the database pods, not from here.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class MonitoringMetricsTest {

    private static final Path MONITORING = Path.of("k8s/base/monitoring");
    /** A selector's metric: a name followed by its label matchers or a range. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

    @Test
    void everyMetricTheAlertsAndTheDashboardQueryIsExported() throws IOException {
        exercise();
        Set<String> exported = Metrics.scrape().sampleNames();

        List<String> queries = new ArrayList<>();
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("prometheusrule.yaml")
                .toFile());
        rules.at("/spec/groups").forEach(group -> group.path("rules").forEach(rule ->
                queries.add(rule.path("expr").asText())));
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("lumbung-dashboard.json").toFile());
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target ->
                queries.add(target.path("expr").asText())));
        dashboard.at("/templating/list").forEach(variable -> {
            if (variable.path("type").asText().equals("query")) {
                queries.add(variable.path("query").asText());
            }
        });
        assertFalse(queries.isEmpty(), "the alerts and the dashboard have queries");

        Set<String> missing = new TreeSet<>();
        for (String query : queries) {
            Set<String> named = metricsIn(query);
            assertFalse(named.isEmpty(), () -> "no metric found in the query: " + query);
            named.stream().filter(name -> !name.startsWith("cnpg_") && !exported.contains(name))
                    .forEach(missing::add);
        }
        assertEquals(Set.of(), missing, "queried but not exported by the service");
    }

    /** Posts, replays, refuses and verifies once, so that every meter the queries name exists. */
    private static void exercise() {
        UUID led = Api.createLed();
        String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
        String path = "/api/v1/leds/" + led + "/journal-entries";
        Map<String, Object> entry = Api.entry(today, "1-1100", "3-1200", "1000.00");
        as(Tokens.manager(led)).header("Idempotency-Key", "monitoring-1").body(entry).post(path).then()
                .statusCode(201);
        as(Tokens.manager(led)).header("Idempotency-Key", "monitoring-1").body(entry).post(path).then()
                .statusCode(201);
        as(Tokens.manager(led)).body(Map.of("effectiveDate", today, "description", "Tidak seimbang",
                "postings", List.of(
                        Map.of("account", "1-1100", "side", "DEBIT", "amount", "10.00"),
                        Map.of("account", "3-1200", "side", "CREDIT", "amount", "9.00"))))
                .post(path).then().statusCode(422);
        as(Tokens.auditor(led)).get("/api/v1/leds/" + led + "/journal/verification").then().statusCode(200);
    }

    private static Set<String> metricsIn(String query) {
        Set<String> names = new TreeSet<>();
        for (Pattern pattern : List.of(SELECTOR, LABEL_VALUES)) {
            Matcher matcher = pattern.matcher(query.replaceAll("\"[^\"]*\"", "\"\""));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
