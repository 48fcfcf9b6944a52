package id.lumbung.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds to every API operation the error responses it can give and its bearer requirement, so the
 * contract lists them without an annotation wall on each method. The responses themselves
 * (problem+json with an example per problem type) are components in META-INF/openapi.yaml.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/v1")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> describe(path, method, operation));
        });
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
        Map<String, String> errors = new LinkedHashMap<>();
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.PUT;
        boolean hasQuery = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() != null && p.getIn().name().equals("QUERY"));
        if (write || hasQuery || path.contains("{")) {
            errors.put("400", "BadRequest");
        }
        errors.put("401", "Unauthenticated");
        errors.put("403", "Forbidden");
        if (path.contains("{")) {
            errors.put("404", "NotFound");
        }
        if (write) {
            errors.put("409", "Conflict");
            errors.put("413", "PayloadTooLarge");
            errors.put("415", "UnsupportedMediaType");
            errors.put("422", "Unprocessable");
        }
        errors.put("503", "ServiceUnavailable");
        APIResponses responses = operation.getResponses();
        errors.forEach((status, name) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
            }
        });
    }
}
