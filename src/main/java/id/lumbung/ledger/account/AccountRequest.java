package id.lumbung.ledger.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.AccountType;
import id.lumbung.platform.validation.Text;

/** Adds an account to an LED's chart. */
@Schema(name = "AccountRequest")
public record AccountRequest(
        @Schema(description = "`T-NNNN` or `T-NNNN-XXXX`, where T is the type's digit (1 asset … 5 expense).",
                example = "5-1400")
        @NotBlank @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1100 or 2-1100-0007")
        String code,
        @Schema(example = "Beban Transportasi Lapangan")
        @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String name,
        @Schema(example = "EXPENSE") @NotNull AccountType type,
        @Schema(description = "Refuse any posting that would take the balance below zero (a cash box).",
                example = "false")
        Boolean noNegative,
        @Schema(description = "A contra account: its normal side is the opposite of its type's.", example = "false")
        Boolean contra,
        @Schema(description = "Groups this account under another account of the same type.", example = "5-1100",
                nullable = true)
        @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1100 or 2-1100-0007")
        String parentCode) {
}
