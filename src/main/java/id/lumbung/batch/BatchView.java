package id.lumbung.batch;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decided batch: one result per operation, in the order they were sent. */
@Schema(name = "Batch")
public record BatchView(
        @Schema(description = "Read it again at `GET /batches/{batchId}`.",
                example = "0193a5c2-11aa-7e0f-b3c4-0000000000b1") UUID id,
        List<OperationResult> results) {
}
