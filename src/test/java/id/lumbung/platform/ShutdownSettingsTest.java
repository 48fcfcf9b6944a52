package id.lumbung.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The pod's shutdown budget covers the service's: preStop pause plus {@code quarkus.shutdown.timeout}
 * fit inside {@code terminationGracePeriodSeconds}, so Kubernetes never kills a request that the
 * service was still allowed to finish.
 */
class ShutdownSettingsTest {

    @Test
    void theGracePeriodCoversThePreStopPauseAndTheShutdownTimeout() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        String timeout = properties.getProperty("quarkus.shutdown.timeout");
        assertNotNull(timeout, "quarkus.shutdown.timeout must be set: without it Quarkus drops requests in flight");
        long shutdownSeconds = Duration.parse("PT" + timeout).toSeconds();

        JsonNode pod = new ObjectMapper(new YAMLFactory()).readTree(Path.of("k8s/base/deployment.yaml").toFile())
                .at("/spec/template/spec");
        long grace = pod.path("terminationGracePeriodSeconds").asLong();
        JsonNode command = pod.at("/containers/0/lifecycle/preStop/exec/command");
        assertEquals("sleep", command.path(0).asText(), "the preStop hook pauses while routing stops");
        long preStop = command.path(1).asLong();

        assertTrue(shutdownSeconds > 0 && preStop > 0, "both pauses must be positive");
        assertTrue(preStop + shutdownSeconds < grace, () -> "preStop " + preStop + " s + shutdown timeout "
                + shutdownSeconds + " s must stay below terminationGracePeriodSeconds " + grace + " s");
    }
}
