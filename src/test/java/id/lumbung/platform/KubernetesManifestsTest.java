package id.lumbung.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import id.lumbung.support.k8s.Kustomize;
import id.lumbung.support.k8s.ManifestValidator;

/**
 * The deployment in k8s/ (README "Deploying"): both overlays render with Kustomize, every manifest fits
 * the Kubernetes API or the CloudNativePG CRD it is written for (unknown fields refused), and the
 * settings that keep entries safe hold in what is actually applied: a synchronous three-instance
 * database with backups, connection budgets that fit it, a closed network, the image the build makes.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path CRDS = Path.of("src/test/resources/k8s/cnpg");

    private static ManifestValidator validator;

    @BeforeAll
    static void loadSchemas() {
        validator = new ManifestValidator(CRDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "restore-drill"})
    void everyRenderedManifestFitsItsApi(String overlay) {
        List<JsonNode> manifests = render(overlay);
        Set<String> kinds = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode manifest : manifests) {
            kinds.add(manifest.path("kind").asText());
            problems.addAll(validator.problems(manifest));
        }
        assertEquals(List.of(), problems, overlay + " renders manifests the API would refuse");
        Set<String> expected = new TreeSet<>(List.of("Cluster", "ConfigMap", "Deployment",
                "HorizontalPodAutoscaler", "NetworkPolicy", "PodDisruptionBudget", "PodMonitor", "PrometheusRule",
                "ScheduledBackup", "Service", "ServiceMonitor"));
        if (overlay.equals("restore-drill")) {
            expected.remove("ScheduledBackup");
        }
        assertEquals(expected, kinds, overlay + " renders every part of the deployment");
    }

    @Test
    void theSecretTemplateFitsTheApi() throws IOException {
        List<JsonNode> secrets = Kustomize.documents(Files.readString(K8S.resolve("templates/secrets.yaml")));
        assertEquals(3, secrets.size(), "lumbung-db, lumbung-jwt and lumbung-backup-s3");
        for (JsonNode secret : secrets) {
            assertEquals(List.of(), validator.problems(secret));
        }
    }

    @Test
    void theValidatorRefusesWhatTheApiServerWould() throws IOException {
        assertRefused("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec: {replica: 2, selector: {matchLabels: {a: b}}, template: {spec: {containers: []}}}
                """, "unknown field(s) [replica]");
        assertRefused("""
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec: {ports: [{port: "80"}]}
                """, "does not fit");
        assertRefused("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: x}
                spec:
                  backup: {barmanObjectStore: {destinationPath: "s3://b", wal: {compression: brotli}}}
                """, "/spec/backup/barmanObjectStore/wal/compression");
        assertRefused("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: x}
                spec: {postgresql: {synchronous: {method: any, number: 1, mode: strict}}}
                """, "/spec/postgresql/synchronous");
        assertRefused("""
                apiVersion: postgresql.cnpg.io/v1
                kind: ScheduledBackup
                metadata: {name: x, lables: {a: b}}
                spec: {cluster: {name: db}}
                """, "schedule");
        assertRefused("""
                apiVersion: postgresql.cnpg.io/v1
                kind: ScheduledBackup
                metadata: {name: x, lables: {a: b}}
                spec: {cluster: {name: db}, schedule: "0 0 1 * * *"}
                """, "unknown field(s) [lables]");
        assertRefused("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: x}
                spec: {instances: 0}
                """, "/spec/instances");
        assertRefused("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: x}
                spec: {instances: 3, storage: {pvcTemplate: {accessModes: [ReadWriteOnce]}}}
                """, "was not vendored");
        assertRefused("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Pooler
                metadata: {name: x}
                """, "no schema for this kind");
    }

    @Test
    void theVendoredCrdsAreTheFilesTheirReadmeNames() throws Exception {
        String readme = Files.readString(CRDS.resolve("README.md"));
        try (var files = Files.list(CRDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(file)));
                Matcher row = Pattern.compile("\\| `" + Pattern.quote(file.getFileName().toString())
                        + "` \\|.*`([0-9a-f]{64})` \\|").matcher(readme);
                assertTrue(row.find(), () -> file + " is listed in " + CRDS.resolve("README.md"));
                assertEquals(row.group(1), sha256, file + " is the file whose provenance the README records");
            }
        }
    }

    @Test
    void theImageIsTheOneDockerfileJvmBuilds() throws Exception {
        Matcher tag = Pattern.compile("docker build -f src/main/docker/Dockerfile.jvm -t (\\S+) \\.")
                .matcher(Files.readString(Path.of("src/main/docker/Dockerfile.jvm")));
        assertTrue(tag.find(), "Dockerfile.jvm says how to build and tag the image");
        String built = tag.group(1);
        String version = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse("pom.xml")
                .getDocumentElement().getElementsByTagName("version").item(0).getTextContent();
        assertEquals(built + ":" + version, image(render("dev")), "dev runs the image built from this tree");
        String prod = image(render("prod"));
        assertTrue(prod.matches(".+/" + Pattern.quote(built.substring(built.indexOf('/') + 1)) + ":[0-9][^:]*"),
                () -> "prod runs the built image from a registry under a release tag: " + prod);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesConnectionsFitTheDatabase(String overlay) throws IOException {
        List<JsonNode> manifests = render(overlay);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        int perReplica = Integer.parseInt(properties.getProperty("quarkus.datasource.jdbc.max-size"));
        int replicas = one(manifests, "HorizontalPodAutoscaler").at("/spec/maxReplicas").asInt();
        int allowed = Integer.parseInt(
                one(manifests, "Cluster").at("/spec/postgresql/parameters/max_connections").asText());
        // Headroom for the operator, streaming replication, backups and a human with psql.
        assertTrue(replicas * perReplica + 10 <= allowed, () -> overlay + ": " + replicas + " replicas x "
                + perReplica + " connections + 10 must fit max_connections " + allowed);
    }

    @Test
    void anAcknowledgedEntrySurvivesTheLossOfThePrimary() {
        List<JsonNode> prod = render("prod");
        JsonNode cluster = one(prod, "Cluster");
        assertEquals(3, cluster.at("/spec/instances").asInt(), "one primary, two standbys");
        JsonNode synchronous = cluster.at("/spec/postgresql/synchronous");
        assertTrue(synchronous.path("number").asInt() >= 1, "a commit waits for at least one standby");
        assertEquals("required", synchronous.path("dataDurability").asText("required"),
                "commits wait rather than silently turning asynchronous");
        assertEquals("on", cluster.at("/spec/postgresql/parameters/synchronous_commit").asText("on"));
        assertEquals("required", cluster.at("/spec/affinity/podAntiAffinityType").asText(),
                "the instances run on different nodes");

        JsonNode store = cluster.at("/spec/backup/barmanObjectStore");
        assertTrue(store.path("destinationPath").asText().startsWith("s3://"), "WAL and base backups go to S3");
        assertFalse(store.path("wal").isMissingNode(), "WAL archiving is configured");
        assertFalse(cluster.at("/spec/backup/retentionPolicy").asText().isEmpty(), "backups are pruned");
        JsonNode scheduled = one(prod, "ScheduledBackup");
        assertEquals(cluster.at("/metadata/name").asText(), scheduled.at("/spec/cluster/name").asText(),
                "the scheduled base backup is of this cluster");
        assertEquals(cluster.at("/metadata/name").asText(),
                one(prod, "PodMonitor").at("/spec/selector/matchLabels/cnpg.io~1cluster").asText(),
                "Prometheus scrapes the database instances");
    }

    @Test
    void theRestoreDrillRecoversProductionsBackupsAndWritesNone() {
        JsonNode production = one(render("prod"), "Cluster");
        List<JsonNode> drill = render("restore-drill");
        JsonNode restored = one(drill, "Cluster");
        assertFalse(production.at("/metadata/namespace").equals(restored.at("/metadata/namespace")),
                "the drill runs beside production, never in its namespace");
        JsonNode origin = restored.at("/spec/externalClusters/0");
        assertEquals(origin.path("name").asText(), restored.at("/spec/bootstrap/recovery/source").asText(),
                "the database is recovered from the external cluster");
        JsonNode archive = production.at("/spec/backup/barmanObjectStore");
        for (String field : List.of("destinationPath", "endpointURL")) {
            assertEquals(archive.path(field), origin.at("/barmanObjectStore/" + field),
                    "the drill reads production's archive: " + field);
        }
        assertEquals(production.at("/metadata/name").asText(), origin.at("/barmanObjectStore/serverName").asText(),
                "production's backups are filed under its cluster name");
        assertTrue(restored.at("/spec/backup").isMissingNode(), "the drill archives nothing");
        assertTrue(drill.stream().noneMatch(m -> m.path("kind").asText().equals("ScheduledBackup")),
                "the drill takes no backups");
    }

    @Test
    void theNetworkIsClosedButForIngressMetricsTheDatabaseAndDns() {
        List<JsonNode> prod = render("prod");
        JsonNode policy = one(prod, "NetworkPolicy");
        JsonNode pods = one(prod, "Deployment").at("/spec/template/metadata/labels");
        policy.at("/spec/podSelector/matchLabels").fields().forEachRemaining(label -> assertEquals(
                label.getValue(), pods.path(label.getKey()), "the policy selects the API pods"));
        Set<String> from = new TreeSet<>();
        policy.at("/spec/ingress").forEach(rule -> rule.path("from").forEach(peer ->
                from.add(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())));
        assertEquals(Set.of("ingress-nginx", "monitoring"), from);
        Set<String> to = new TreeSet<>();
        policy.at("/spec/egress").forEach(rule -> rule.path("ports").forEach(port ->
                to.add(port.path("protocol").asText() + "/" + port.path("port").asText())));
        assertEquals(Set.of("TCP/5432", "TCP/53", "UDP/53"), to);
        assertEquals(one(prod, "Cluster").at("/metadata/name").asText(),
                policy.at("/spec/egress/0/to/0/podSelector/matchLabels/cnpg.io~1cluster").asText());
    }

    @Test
    void theBudgetsAndTheServiceSelectTheApiPods() {
        List<JsonNode> prod = render("prod");
        JsonNode deployment = one(prod, "Deployment");
        JsonNode pods = deployment.at("/spec/template/metadata/labels");
        for (String kind : List.of("PodDisruptionBudget", "Service")) {
            String path = kind.equals("Service") ? "/spec/selector" : "/spec/selector/matchLabels";
            JsonNode selector = one(prod, kind).at(path);
            assertFalse(selector.isEmpty(), kind + " has a selector");
            selector.fields().forEachRemaining(label -> assertEquals(label.getValue(), pods.path(label.getKey()),
                    kind + " selects the API pods"));
        }
        assertEquals(deployment.at("/metadata/name"),
                one(prod, "HorizontalPodAutoscaler").at("/spec/scaleTargetRef/name"));
    }

    private static List<JsonNode> render(String overlay) {
        return Kustomize.render(K8S.resolve("overlays").resolve(overlay));
    }

    private static JsonNode one(List<JsonNode> manifests, String kind) {
        List<JsonNode> found = manifests.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }

    private static String image(List<JsonNode> manifests) {
        return one(manifests, "Deployment").at("/spec/template/spec/containers/0/image").asText();
    }

    private static void assertRefused(String yaml, String expected) throws IOException {
        List<String> problems = validator.problems(Kustomize.documents(yaml).get(0));
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "expected a problem mentioning '" + expected + "', got " + problems);
    }
}
