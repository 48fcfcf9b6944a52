package id.lumbung.platform.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The contract's last pass (mp.openapi.filter): the problem responses and bearer requirement of
 * {@link ProblemResponsesFilter}, then what client generators need and annotations cannot say.
 * <ul>
 * <li>Path parameters come first, in path order, then the others as declared.</li>
 * <li>A nullable property is nullable in every reading: where SmallRye writes {@code anyOf: [X, null]}
 * beside {@code type: object}, the sibling type also admits {@code null} (otherwise a validator refuses
 * the {@code null} that the anyOf allows, and strictly typed clients break on it).</li>
 * <li>Response objects are written by Jackson with every record component, {@code null} included, so
 * every property of a schema that only responses use is {@code required}, nullable or not. A property
 * that Jackson omits when null ({@code @JsonInclude(NON_NULL)}) says so with the {@link #OMITTED_WHEN_NULL}
 * extension, which stays in the contract for readers.</li>
 * <li>SmallRye's built-in UUID pattern is anchored.</li>
 * </ul>
 */
public class ContractFilter implements OASFilter {

    /**
     * Extension for a response property that is absent rather than null (never {@code null} itself):
     * {@code @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"))}.
     */
    public static final String OMITTED_WHEN_NULL = "x-omitted-when-null";

    private static final String COMPONENT = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null ? Map.of() : openAPI.getComponents().getSchemas();
        List<Schema> requests = new ArrayList<>();
        List<Schema> responses = new ArrayList<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            orderParameters(path, operation);
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> add(requests, p.getSchema()));
            }
            if (operation.getRequestBody() != null) {
                addContent(requests, operation.getRequestBody().getContent());
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values()
                        .forEach(r -> addContent(responses, resolve(openAPI.getComponents(), r).getContent()));
            }
        }));
        Set<String> requestComponents = new HashSet<>();
        walk(requests, components, requestComponents, schema -> {
        });
        Set<String> responseComponents = new HashSet<>(requestComponents);
        walk(responses, components, responseComponents, ContractFilter::requireAll);
        List<Schema> all = new ArrayList<>(components.values());
        all.addAll(requests);
        all.addAll(responses);
        walk(all, components, new HashSet<>(), schema -> {
            admitNullBesideNullableAlternative(schema);
            anchorUuidPattern(schema);
        });
    }

    private static APIResponse resolve(Components components, APIResponse response) {
        String ref = response.getRef();
        if (ref == null || components == null || components.getResponses() == null) {
            return response;
        }
        APIResponse named = components.getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
        return named == null ? response : named;
    }

    private static void orderParameters(String path, Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        List<Parameter> ordered = new ArrayList<>(operation.getParameters());
        ordered.sort(Comparator.comparingInt(p -> p.getIn() == Parameter.In.PATH
                ? path.indexOf("{" + p.getName() + "}") : Integer.MAX_VALUE));
        operation.setParameters(ordered);
    }

    private static void addContent(List<Schema> into, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().map(MediaType::getSchema).forEach(s -> add(into, s));
        }
    }

    private static void add(List<Schema> into, Schema schema) {
        if (schema != null) {
            into.add(schema);
        }
    }

    /**
     * Visits every schema reachable from {@code roots} once, following component references; components
     * named in {@code seen} are neither visited nor followed.
     */
    private static void walk(List<Schema> roots, Map<String, Schema> components, Set<String> seen,
            Consumer<Schema> visit) {
        Deque<Schema> todo = new ArrayDeque<>(roots);
        Set<Schema> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (!done.add(schema)) {
                continue;
            }
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(COMPONENT)) {
                String name = ref.substring(COMPONENT.length());
                if (seen.add(name) && components.containsKey(name)) {
                    todo.push(components.get(name));
                }
            }
            visit.accept(schema);
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(todo::push);
            }
            for (List<Schema> alternatives : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(),
                    schema.getAllOf())) {
                if (alternatives != null) {
                    alternatives.forEach(todo::push);
                }
            }
            if (schema.getItems() != null) {
                todo.push(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                todo.push(schema.getAdditionalPropertiesSchema());
            }
        }
    }

    private static void requireAll(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            Object marker = property.getExtensions() == null ? property.get(OMITTED_WHEN_NULL)
                    : property.getExtensions().getOrDefault(OMITTED_WHEN_NULL, property.get(OMITTED_WHEN_NULL));
            boolean omitted = "true".equals(String.valueOf(marker));
            if (!omitted && (schema.getRequired() == null || !schema.getRequired().contains(name))) {
                schema.addRequired(name);
            }
        });
    }

    /** SmallRye's own UUID schema carries an unanchored pattern, which in ECMA-262 accepts any text around a UUID. */
    private static void anchorUuidPattern(Schema schema) {
        String pattern = schema.getPattern();
        if ("uuid".equals(schema.getFormat()) && pattern != null && !pattern.startsWith("^")) {
            schema.setPattern("^" + pattern + "$");
        }
    }

    private static void admitNullBesideNullableAlternative(Schema schema) {
        List<SchemaType> type = schema.getType();
        if (type == null || type.contains(SchemaType.NULL)) {
            return;
        }
        boolean nullAlternative = false;
        for (List<Schema> alternatives : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf())) {
            if (alternatives != null) {
                nullAlternative |= alternatives.stream()
                        .anyMatch(a -> a.getType() != null && a.getType().equals(List.of(SchemaType.NULL)));
            }
        }
        if (nullAlternative) {
            List<SchemaType> nullable = new ArrayList<>(type);
            nullable.add(SchemaType.NULL);
            schema.setType(nullable);
        }
    }
}
