package id.lumbung.batch;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.lumbung.platform.error.Problem;
import id.lumbung.platform.openapi.ContractFilter;

/** How one operation of a batch was decided: what its single endpoint would have answered. */
@Schema(name = "BatchOperationResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationResult(
        @Schema(description = "The operation's key, as sent.", example = "hp-siti-0001") String key,
        @Schema(description = "The status its single endpoint answers: 201, or the problem's (400, 403, 404, "
                + "409, 422; 424 `operation-not-applied` in a refused atomic batch).", example = "201") int status,
        @Schema(type = SchemaType.OBJECT, description = "For 201: the single endpoint's body (a repayment, a "
                + "savings movement, a contribution, an expense, a KUB group payment).",
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"))
        Object body,
        @Schema(description = "Otherwise: the single endpoint's problem.",
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"))
        Problem problem,
        @Schema(description = "true when the key was used before (alone or in an earlier batch) and this is "
                + "its original answer; nothing was written again.", example = "false") boolean replayed) {

    static OperationResult created(String key, int status, Object body, boolean replayed) {
        return new OperationResult(key, status, body, null, replayed);
    }

    static OperationResult refused(String key, Problem problem) {
        return new OperationResult(key, problem.status(), null, problem, false);
    }

    boolean succeeded() {
        return problem == null;
    }
}
