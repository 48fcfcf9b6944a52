package id.lumbung.training.money;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** Money spent on the programme: a trainer's fee, the venue, materials. */
@Schema(name = "ProgrammeExpenseRequest")
public record ProgrammeExpenseRequest(
        @Schema(description = "Rupiah paid, greater than zero.") @NotNull Amount amount,
        @Schema(description = "Not in the future or a closed period.", example = "2026-03-04")
        @NotNull LocalDate paidOn,
        @Schema(example = "Modul cetak Pengelolaan Keuangan, 30 eksemplar") @NotBlank @Size(max = 300)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String description,
        @Schema(description = "The funding line it is spent from, if one.", example = "CSR PT Pertamina Hulu Rokan",
                nullable = true) @Size(max = 200) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS,
                message = "must not contain control characters") String fundingLine,
        @Schema(description = "The EXPENSE account charged (default 5-1300 Beban Pelatihan).", example = "5-1300",
                nullable = true) @Pattern(regexp = AccountService.CODE_PATTERN,
                message = "must look like 5-1300 or 5-1300-01") String account,
        @Schema(description = "The cash or bank account paid from (default 1-1100 Kas).", example = "1-1100",
                nullable = true) @Pattern(regexp = AccountService.CODE_PATTERN,
                message = "must look like 1-1100 or 1-1100-01") String paidFrom) {
}
