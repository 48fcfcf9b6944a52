package id.lumbung.support.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * Checks one Kubernetes manifest against the API it is written for, refusing unknown fields.
 *
 * <p>Custom resources of CloudNativePG are validated as the API server would: against the
 * {@code openAPIV3Schema} of their CRD, vendored under src/test/resources/k8s/cnpg (version and sha256
 * in the README there), with every object that lists its properties closed to others (the API server
 * prunes unknown fields; {@code kubectl apply --validate=strict} refuses them).
 *
 * <p>Built-in kinds and the Prometheus Operator's kinds are read into the fabric8 Kubernetes model, the
 * Java model of the same OpenAPI definitions (version from the Quarkus BOM): no registry reachable here
 * serves the Kubernetes API's JSON schemas themselves. Reading is strict (no coercion of a string into a
 * number or back), and a field the model does not know, which fabric8 keeps aside in
 * {@code additionalProperties}, is an error at its path.
 */
public final class ManifestValidator {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    /** Marks a part of a vendored CRD excerpt that was not copied (src/test/resources/k8s/cnpg/README.md). */
    private static final String NOT_VENDORED = "x-lumbung-not-vendored";

    private final ObjectMapper strict;
    private final Map<String, Schema> crds = new HashMap<>();
    private final Map<String, JsonNode> crdSchemas = new HashMap<>();

    public ManifestValidator(Path crdDirectory) {
        strict = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            strict.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (Stream<Path> files = Files.list(crdDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode crd = YAML.readTree(file.toFile());
                String group = crd.at("/spec/group").asText();
                String kind = crd.at("/spec/names/kind").asText();
                for (JsonNode version : crd.at("/spec/versions")) {
                    JsonNode schema = closed(version.at("/schema/openAPIV3Schema").deepCopy());
                    String type = group + "/" + version.path("name").asText() + "/" + kind;
                    crds.put(type, registry.getSchema(strict.writeValueAsString(schema), InputFormat.JSON));
                    crdSchemas.put(type, schema);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRDs in " + crdDirectory, e);
        }
    }

    /** What is wrong with this manifest; empty when it is valid. */
    public List<String> problems(JsonNode manifest) {
        String type = manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText();
        String name = type + " " + manifest.at("/metadata/name").asText();
        List<String> problems = new ArrayList<>();
        Schema crd = crds.get(type);
        Class<?> model = MODELS.get(type);
        try {
            if (crd != null) {
                for (Error error : crd.validate(strict.writeValueAsString(manifest), InputFormat.JSON)) {
                    problems.add(name + ": " + error.getInstanceLocation() + " " + error.getMessage());
                }
                unknownFields(strict.treeToValue(manifest.path("metadata"), ObjectMeta.class), "metadata",
                        name, problems);
                notVendored(manifest, crdSchemas.get(type), "", name, problems);
            } else if (model != null) {
                unknownFields(strict.treeToValue(manifest, model), "", name, problems);
            } else {
                problems.add(name + ": no schema for this kind: add its CRD or model to ManifestValidator");
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(name + ": does not fit the API: " + e.getMessage());
        }
        return problems;
    }

    /** A manifest may not rely on a part of a CRD excerpt that was left out: it would go unchecked. */
    private static void notVendored(JsonNode value, JsonNode schema, String path, String name,
            List<String> problems) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        if (schema.path(NOT_VENDORED).asBoolean(false)) {
            problems.add(name + ": " + path + " is in a part of the CRD that was not vendored; vendor it first");
        } else if (value.isObject()) {
            value.fields().forEachRemaining(field -> notVendored(field.getValue(),
                    schema.path("properties").has(field.getKey()) ? schema.path("properties").path(field.getKey())
                            : schema.path("additionalProperties"),
                    path + "/" + field.getKey(), name, problems));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                notVendored(value.get(i), schema.path("items"), path + "/" + i, name, problems);
            }
        }
    }

    /** Every object schema that names its properties refuses others, as the API server's pruning does. */
    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.path("properties").forEach(ManifestValidator::closed);
            closed(object.path("items"));
            closed(object.path("additionalProperties"));
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                object.path(combinator).forEach(ManifestValidator::closed);
            }
        }
        return schema;
    }

    /** Walks the model objects and reports every field that fabric8 kept aside as unknown. */
    private static void unknownFields(Object value, String path, String name, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", name, problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, name, problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                field.setAccessible(true);
                Object child;
                try {
                    child = field.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(name + ": unknown field(s) " + extra.keySet() + " at "
                                + (path.isEmpty() ? "/" : path));
                    }
                } else {
                    unknownFields(child, path + (path.isEmpty() ? "" : ".") + field.getName(), name, problems);
                }
            }
        }
    }
}
