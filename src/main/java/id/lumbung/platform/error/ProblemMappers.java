package id.lumbung.platform.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import id.lumbung.money.InvalidAmountException;
import id.lumbung.platform.database.DatabaseFaults;
import id.lumbung.platform.http.ETags;
import id.lumbung.platform.json.StrictJson;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where exceptions become HTTP answers. Every failure is an RFC 9457 problem; no
 * stack trace, class name or request content ever reaches a response body.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** How long a client should wait before retrying after 503: a pod restart or failover takes seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final ProblemResponses problems;

    public ProblemMappers(ProblemResponses problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response response = problems.render(e.type(), e.getMessage(), path(uri), e.fields());
        if (e instanceof ETags.Stale stale) {
            return Response.fromResponse(response).header(ETags.ETAG, stale.currentTag()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> fields = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            fields.add(new Problem.FieldError(fieldPath(violation.getPropertyPath()), violation.getMessage()));
        }
        fields.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        String detail = fields.size() == 1
                ? fields.get(0).field() + ": " + fields.get(0).message()
                : fields.size() + " fields are invalid";
        return problems.render(ProblemType.VALIDATION_FAILED, detail, path(uri), fields);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return problems.render(ProblemType.UNKNOWN_FIELD, "unknown field '" + field + "'", path(uri),
                List.of(new Problem.FieldError(field, "unknown field")));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = e instanceof InvalidFormatException && e.getOriginalMessage() != null
                && !e.getOriginalMessage().startsWith("Cannot deserialize")
                ? e.getOriginalMessage()
                : "has the wrong type or format" + expected(e);
        if (field.isEmpty()) {
            return problems.render(ProblemType.MALFORMED_JSON, "request body has the wrong shape", path(uri));
        }
        return problems.render(ProblemType.VALIDATION_FAILED, field + ": " + message, path(uri),
                List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response badValue(ValueInstantiationException e, UriInfo uri) {
        String field = jsonPath(e);
        Throwable cause = e.getCause();
        String message = cause instanceof IllegalArgumentException ? cause.getMessage() : "is invalid";
        return problems.render(ProblemType.VALIDATION_FAILED, field + ": " + message, path(uri),
                List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response otherMapping(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof StreamConstraintsException tooDeep) {
            // Met while reading a field as any JSON (e.g. a member PATCH's "nik"): the body's fault, not the field's.
            return malformed(tooDeep, uri);
        }
        if (e.getCause() instanceof InvalidAmountException amount) {
            String field = jsonPath(e);
            return problems.render(ProblemType.VALIDATION_FAILED, field + ": " + amount.getMessage(), path(uri),
                    List.of(new Problem.FieldError(field, amount.getMessage())));
        }
        return problems.render(ProblemType.MALFORMED_JSON, "request body cannot be read: " + jsonPath(e), path(uri));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StrictJson.NotUtf8Exception) {
            return problems.render(ProblemType.MALFORMED_JSON, e.getOriginalMessage(), path(uri));
        }
        if (e instanceof StreamConstraintsException) {
            return problems.render(ProblemType.MALFORMED_JSON, "request body is nested deeper than "
                    + StrictJson.MAX_DEPTH + " levels", path(uri));
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            return problems.render(ProblemType.MALFORMED_JSON, "request body names a field twice"
                    + e.getOriginalMessage().substring("Duplicate field".length()), path(uri));
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return problems.render(ProblemType.MALFORMED_JSON, "request body is not valid JSON" + where, path(uri));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problems.render(ProblemType.FORBIDDEN, "your role may not do this", path(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // The JSON body reader wraps Jackson's failures; answer them as precisely as unwrapped ones.
        switch (e.getCause()) {
            case ApiException cause -> {
                // A parameter converter's refusal (platform/validation/StrictParameters), wrapped by Quarkus REST.
                return api(cause, uri);
            }
            case UnrecognizedPropertyException cause -> {
                return unknownField(cause, uri);
            }
            case MismatchedInputException cause -> {
                return wrongType(cause, uri);
            }
            case ValueInstantiationException cause -> {
                return badValue(cause, uri);
            }
            case JsonMappingException cause -> {
                return otherMapping(cause, uri);
            }
            case JsonProcessingException cause -> {
                return malformed(cause, uri);
            }
            case null, default -> {
            }
        }
        ProblemType type = switch (e) {
            case NotFoundException ignored -> ProblemType.NOT_FOUND;
            case NotAllowedException ignored -> ProblemType.METHOD_NOT_ALLOWED;
            case NotSupportedException ignored -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case NotAcceptableException ignored -> ProblemType.NOT_ACCEPTABLE;
            default -> switch (e.getResponse().getStatus()) {
                case 401 -> ProblemType.UNAUTHENTICATED;
                case 403 -> ProblemType.FORBIDDEN;
                case 404 -> ProblemType.NOT_FOUND;
                case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
                default -> e.getResponse().getStatus() < 500
                        ? ProblemType.VALIDATION_FAILED
                        : ProblemType.INTERNAL_ERROR;
            };
        };
        if (type == ProblemType.INTERNAL_ERROR) {
            LOG.error("request failed", e);
        }
        String detail = type == ProblemType.INTERNAL_ERROR ? "internal error" : type.title();
        Response response = problems.render(type, detail, path(uri));
        if (e instanceof NotAllowedException && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseFaults.unavailable(e)) {
            return databaseUnavailable(e, uri);
        }
        // Logged with its stack for operators; the caller only learns that it was not their fault.
        LOG.error("unexpected error", e);
        return problems.render(ProblemType.INTERNAL_ERROR, "internal error; it has been logged", path(uri));
    }

    /**
     * 503 with {@code Retry-After}: the transaction rolled back or never began, or, when the
     * connection broke during COMMIT, its outcome is unknown. The service never retries a write
     * itself; the client retries with the same Idempotency-Key, which replays a committed result
     * instead of posting twice.
     */
    Response databaseUnavailable(Exception e, UriInfo uri) {
        LOG.warnf("database unavailable: %s", rootMessage(e));
        Response response = problems.render(ProblemType.DATABASE_UNAVAILABLE, "the database cannot be reached "
                + "right now; retry after " + RETRY_AFTER_SECONDS + " seconds with the same Idempotency-Key, which "
                + "answers with the original result if the request did take effect (always send a key with a "
                + "request that moves money)", path(uri));
        return Response.fromResponse(response).header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private Response unauthenticated(UriInfo uri) {
        Response response = problems.render(ProblemType.UNAUTHENTICATED,
                "a valid, unexpired bearer token is required", path(uri));
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String expected(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return " (expected a number)";
        }
        if (target == Boolean.class || target == boolean.class) {
            return " (expected true or false)";
        }
        if (target == java.time.LocalDate.class) {
            return " (expected a date YYYY-MM-DD)";
        }
        if (target == java.util.UUID.class) {
            return " (expected a UUID)";
        }
        if (target.isEnum()) {
            return " (expected one of " + java.util.Arrays.toString(target.getEnumConstants()) + ")";
        }
        if (List.class.isAssignableFrom(target)) {
            return " (expected an array)";
        }
        if (target == String.class) {
            return " (expected a string)";
        }
        return "";
    }

    /** The JSON path of the failing element, e.g. {@code postings[1].amount}. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A violation's path without the resource method and parameter names: {@code postings[0].amount}. */
    static String fieldPath(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            // Hibernate Validator puts a list index on the node after the list: postings[0].amount.
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
