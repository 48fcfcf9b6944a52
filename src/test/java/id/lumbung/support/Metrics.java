package id.lumbung.support;

import static io.restassured.RestAssured.given;

import java.util.Set;
import java.util.TreeSet;

/** One scrape of {@code /q/metrics} in the Prometheus text format. */
public record Metrics(String text) {

    public static Metrics scrape() {
        return new Metrics(given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .extract().asString());
    }

    /**
     * The sum of the samples named {@code name} whose labels include every given {@code key="value"}
     * (0 when the meter has not been registered yet: counters appear on first use).
     */
    public double value(String name, String... labels) {
        double sum = 0;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int brace = line.indexOf('{');
            int close = line.lastIndexOf('}');
            String sampleName = brace < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, brace);
            if (!sampleName.equals(name)) {
                continue;
            }
            String sampleLabels = brace < 0 ? "" : line.substring(brace, close + 1);
            boolean matches = true;
            for (String label : labels) {
                matches &= sampleLabels.contains(label);
            }
            if (matches) {
                String rest = line.substring(brace < 0 ? line.indexOf(' ') : close + 1).strip();
                sum += Double.parseDouble(rest.split(" ")[0]);
            }
        }
        return sum;
    }

    /** The names of every sample in the scrape ({@code x_bucket}, {@code x_count}, … for a histogram). */
    public Set<String> sampleNames() {
        Set<String> names = new TreeSet<>();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
