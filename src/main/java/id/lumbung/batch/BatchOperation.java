package id.lumbung.batch;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One element of a batch's {@code operations} as the device sent it: a JSON object whose {@code op}
 * names its kind. It stays unread until its turn, so that a field of one operation its single
 * endpoint would refuse (a wrong type, an unknown field) is that operation's 400, not the batch's.
 */
@Schema(name = "BatchOperation", description = "One operation, by `op`: exactly the fields of its single "
        + "endpoint's body, the ids that endpoint takes in its path, and its own `key`.",
        oneOf = {FieldOperation.Repayment.class, FieldOperation.SavingsDeposit.class,
            FieldOperation.SavingsWithdrawal.class, FieldOperation.Contribution.class, FieldOperation.Expense.class,
            FieldOperation.GroupRepayment.class},
        discriminatorProperty = "op",
        discriminatorMapping = {
            @DiscriminatorMapping(value = "REPAYMENT", schema = FieldOperation.Repayment.class),
            @DiscriminatorMapping(value = "SAVINGS_DEPOSIT", schema = FieldOperation.SavingsDeposit.class),
            @DiscriminatorMapping(value = "SAVINGS_WITHDRAWAL", schema = FieldOperation.SavingsWithdrawal.class),
            @DiscriminatorMapping(value = "CONTRIBUTION", schema = FieldOperation.Contribution.class),
            @DiscriminatorMapping(value = "EXPENSE", schema = FieldOperation.Expense.class),
            @DiscriminatorMapping(value = "GROUP_REPAYMENT", schema = FieldOperation.GroupRepayment.class)})
public final class BatchOperation {

    /** The record each {@code op} is read into. */
    static final Map<String, Class<? extends FieldOperation>> KINDS = Map.of(
            "REPAYMENT", FieldOperation.Repayment.class,
            "SAVINGS_DEPOSIT", FieldOperation.SavingsDeposit.class,
            "SAVINGS_WITHDRAWAL", FieldOperation.SavingsWithdrawal.class,
            "CONTRIBUTION", FieldOperation.Contribution.class,
            "EXPENSE", FieldOperation.Expense.class,
            "GROUP_REPAYMENT", FieldOperation.GroupRepayment.class);

    @Schema(hidden = true)
    private final ObjectNode fields;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    BatchOperation(ObjectNode fields) {
        this.fields = fields;
    }

    /** The object as sent (and as fingerprinted for the batch's own key). */
    @JsonValue
    @Schema(hidden = true)
    ObjectNode fields() {
        return fields;
    }
}
