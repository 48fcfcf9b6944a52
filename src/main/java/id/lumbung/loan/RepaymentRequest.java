package id.lumbung.loan;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;

/** Money a member paid towards a loan. */
@Schema(name = "RepaymentRequest")
public record RepaymentRequest(
        @Schema(type = SchemaType.STRING,
                description = "Rupiah paid, greater than zero; at most everything the loan owes on `paidOn`.",
                example = "345000")
        @NotNull Amount amount,
        @Schema(description = "The day the member paid: not before the disbursement (nor a reschedule), not "
                + "after today; may be before a repayment already recorded (a clerk syncing after days offline).",
                example = "2026-04-01")
        @NotNull LocalDate paidOn,
        @Schema(description = "Cash or bank account it was taken into. Default: the lending settings' "
                + "collectionAccount (1-1100 Kas).", example = "1-1100", nullable = true)
        @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1100 or 1-1100-01")
        String account) {
}
