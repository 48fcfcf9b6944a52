package id.lumbung.loan.writeoff;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;

/** Money collected on a written-off loan. */
@Schema(name = "RecoveryRequest")
public record RecoveryRequest(
        @Schema(type = SchemaType.STRING, description = "Rupiah collected, greater than zero; with earlier "
                + "recoveries at most what was written off.", example = "250000")
        @NotNull Amount amount,
        @Schema(description = "The day it was collected: not before the write-off, not after today.",
                example = "2027-09-15")
        @NotNull LocalDate paidOn,
        @Schema(description = "Cash or bank account it was taken into. Default: the lending settings' "
                + "collectionAccount.", example = "1-1100", nullable = true)
        @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1100 or 1-1100-01")
        String account) {
}
