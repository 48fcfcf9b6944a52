package id.lumbung.batch;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;

/** 409 {@code batch-refused}: the problem of an atomic batch, with every operation's outcome. */
@Schema(name = "BatchRefusal", description = "RFC 9457 problem details of a refused atomic batch, with "
        + "`results`: the refused operation's problem, 424 `operation-not-applied` for every other one that "
        + "would have been written, and the original answer of those whose key was already used.")
public record BatchRefusal(
        @Schema(example = "urn:lumbung:problem:batch-refused") String type,
        @Schema(example = "An operation of an atomic batch was refused; nothing was written") String title,
        @Schema(example = "409") int status,
        @Schema(example = "operation 3 (key hp-siti-0003) was refused: insufficient-savings; nothing was written")
        String detail,
        List<OperationResult> results) {

    static BatchRefusal of(String detail, List<OperationResult> results) {
        Problem problem = Problem.of(ProblemType.BATCH_REFUSED, detail, null, List.of());
        return new BatchRefusal(problem.type(), problem.title(), problem.status(), detail, results);
    }
}
