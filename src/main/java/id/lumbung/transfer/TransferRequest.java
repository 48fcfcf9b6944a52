package id.lumbung.transfer;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** Money moved from one of the LED's cash or bank accounts to another. */
@Schema(name = "TransferRequest")
public record TransferRequest(
        @Schema(description = "The cash or bank account the money leaves.", example = "1-1200")
        @NotBlank @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1200 or 1-1200-01")
        String from,
        @Schema(description = "The cash or bank account it arrives in.", example = "1-1100")
        @NotBlank @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1100 or 1-1100-01")
        String to,
        @Schema(type = SchemaType.STRING, description = "Rupiah moved, greater than zero.", example = "5000000")
        @NotNull Amount amount,
        @Schema(description = "The day it moved; not in the future or a closed period.", example = "2026-03-01")
        @NotNull LocalDate on,
        @Schema(description = "Default: Pemindahan dana <from> ke <to>.", nullable = true,
                example = "Tarik tunai dari bank untuk pencairan KUB Mawar")
        @Size(max = 500) @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String description) {
}
