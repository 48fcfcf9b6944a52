package id.lumbung.platform.error;

import java.util.List;

/** A request the API refuses, with the problem kind, a human detail and, for validation, the fields. */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final transient List<Problem.FieldError> fields;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiException(ProblemType type, String detail, List<Problem.FieldError> fields) {
        super(detail, null, false, false);
        this.type = type;
        this.fields = List.copyOf(fields);
    }

    public static ApiException notFound(String what) {
        return new ApiException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(ProblemType.VALIDATION_FAILED, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /**
     * A refusal naming several fields at once: the detail is the one field's message, or
     * {@code count + " " + many} when there are more (e.g. "3 fields are invalid").
     */
    public static ApiException ofFields(ProblemType type, List<Problem.FieldError> fields, String many) {
        return new ApiException(type, fields.size() == 1 ? fields.get(0).field() + ": " + fields.get(0).message()
                : fields.size() + " " + many, fields);
    }

    /** A query or path parameter the request got wrong, e.g. {@code limit=0}. */
    public static ApiException invalidParameter(String parameter, String message) {
        return new ApiException(ProblemType.INVALID_PARAMETER, parameter + ": " + message,
                List.of(new Problem.FieldError(parameter, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> fields() {
        return fields;
    }
}
