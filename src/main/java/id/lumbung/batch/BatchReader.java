package id.lumbung.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;

/**
 * Reads a batch body and checks its shape, before any operation is decided: at most 1,000
 * operations (413 {@code batch-too-large}), each an object with a known {@code op} and a string
 * {@code key} (else 400 naming {@code operations[i].op} or {@code .key}: without them there is no
 * result to give). Everything else an operation carries is left for its single endpoint to judge.
 */
@ApplicationScoped
class BatchReader {

    private final ObjectReader reader;
    private final Validator validator;

    BatchReader(ObjectMapper json, Validator validator) {
        // The service's strict mapper, keeping decimals of JSON numbers exact until each operation reads
        // its amounts (a tree would otherwise hold them as double).
        this.reader = json.readerFor(BatchRequest.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.validator = validator;
    }

    BatchRequest read(byte[] body) throws IOException {
        BatchRequest request = body.length == 0 ? null : reader.readValue(body);
        if (request == null) {
            throw new ApiException(ProblemType.MALFORMED_JSON, "request body must be a batch object");
        }
        if (request.operations() != null && request.operations().size() > BatchRequest.MAX_OPERATIONS) {
            throw new ApiException(ProblemType.BATCH_TOO_LARGE, request.operations().size() + " operations; a "
                    + "batch carries at most " + BatchRequest.MAX_OPERATIONS + ": send the rest in another batch");
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(new java.util.LinkedHashSet<ConstraintViolation<?>>(violations));
        }
        List<Problem.FieldError> fields = new ArrayList<>();
        for (int i = 0; i < request.operations().size(); i++) {
            JsonNode operation = request.operations().get(i).fields();
            JsonNode op = operation.get("op");
            if (op == null || !op.isTextual() || !BatchOperation.KINDS.containsKey(op.asText())) {
                fields.add(new Problem.FieldError("operations[" + i + "].op", "must be one of "
                        + BatchOperation.KINDS.keySet().stream().sorted().toList()));
            }
            JsonNode key = operation.get("key");
            if (key == null || !key.isTextual()) {
                fields.add(new Problem.FieldError("operations[" + i + "].key",
                        "must be the operation's own Idempotency-Key (a string)"));
            }
        }
        if (!fields.isEmpty()) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, fields.size() == 1
                    ? fields.get(0).field() + ": " + fields.get(0).message()
                    : fields.size() + " fields are invalid", fields);
        }
        return request;
    }
}
