package id.lumbung.platform.error;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.lumbung.platform.openapi.ContractFilter;

/** An RFC 9457 problem detail, the body of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem details; `type` is stable per kind of error.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(example = "urn:lumbung:problem:period-closed") String type,
        @Schema(example = "The period of this date is closed") String title,
        @Schema(example = "409") int status,
        @Schema(example = "Books of this LED are closed through 2026-03-31; 2026-03-15 lies inside.",
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true")) String detail,
        @Schema(example = "/api/v1/leds/0f8e7a52-51c4-4c1e-9d59-2c8a3d0b7e11/journal-entries",
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true")) String instance,
        @Schema(description = "For validation errors: each offending field and what is wrong with it.",
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"))
        List<FieldError> fields) {

    /** One invalid field: a JSON path such as {@code postings[1].amount} and what is wrong. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "postings[1].amount") String field,
            @Schema(example = "must be greater than zero") String message) {
    }

    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> fields) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, fields);
    }
}
