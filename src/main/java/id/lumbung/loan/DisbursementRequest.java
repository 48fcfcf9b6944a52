package id.lumbung.loan;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.account.AccountService;

/** Paying an approved loan out. */
@Schema(name = "DisbursementRequest")
public record DisbursementRequest(
        @Schema(description = "The day the money was paid out; installments fall due from it.", example = "2026-03-01")
        @NotNull LocalDate disbursedOn,
        @Schema(description = "Cash or bank account it was paid from. Default: the lending settings' "
                + "disbursementAccount (1-1200 Bank).", example = "1-1200", nullable = true)
        @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1200 or 1-1200-01")
        String paidFrom) {
}
