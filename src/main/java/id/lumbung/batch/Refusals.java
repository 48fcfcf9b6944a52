package id.lumbung.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemMappers;
import id.lumbung.platform.error.ProblemResponses;

/**
 * The problem an operation of a batch gets: exactly what its single endpoint would answer, rendered
 * by the service's one set of mappers. Only refusals (4xx) become results; a fault (a broken
 * database connection, a bug) is not an operation's outcome and fails the batch instead.
 */
@ApplicationScoped
class Refusals {

    private final ProblemMappers mappers;

    Refusals(ProblemResponses problems) {
        this.mappers = new ProblemMappers(problems);
    }

    /** The problem for {@code e}, or null when {@code e} is no refusal and must propagate. */
    Problem of(Throwable e) {
        Response response = switch (e) {
            case ApiException api -> mappers.api(api, null);
            case ConstraintViolationException invalid -> mappers.validation(invalid, null);
            case UnrecognizedPropertyException unknown -> mappers.unknownField(unknown, null);
            case MismatchedInputException wrong -> mappers.wrongType(wrong, null);
            case ValueInstantiationException bad -> mappers.badValue(bad, null);
            case JsonMappingException other -> mappers.otherMapping(other, null);
            case JsonProcessingException malformed -> mappers.malformed(malformed, null);
            default -> null;
        };
        if (response == null || response.getStatus() >= 500) {
            return null;
        }
        return (Problem) response.getEntity();
    }
}
