package id.lumbung.expense;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** An expense paid by the LED. */
@Schema(name = "ExpenseRequest")
public record ExpenseRequest(
        @Schema(description = "The EXPENSE account charged (5-xxxx).", example = "5-1100")
        @NotBlank @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 5-1100 or 5-1100-01")
        String account,
        @Schema(description = "Rupiah paid, greater than zero.")
        @NotNull Amount amount,
        @Schema(description = "The day it was paid; not in the future or a closed period.", example = "2026-03-12")
        @NotNull LocalDate paidOn,
        @Schema(description = "What was paid for: auditors read it.", example = "Cetak buku kas dan kuitansi")
        @NotBlank @Size(max = 300)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String description,
        @Schema(description = "Who was paid.", example = "Percetakan Sinar Kuok", nullable = true)
        @Size(max = 150) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String payee,
        @Schema(description = "Cash or bank account it was paid from: 1-1100, 1-1200 or an account under them. "
                + "Default 1-1100 (Kas).", example = "1-1100", defaultValue = "1-1100", nullable = true)
        @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1100 or 1-1100-01")
        String paidFrom) {
}
