package id.lumbung.grant;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;
import id.lumbung.platform.validation.Text;

/** A grant tranche as the district officer or the LED manager reports it. */
@Schema(name = "GrantRequest")
public record GrantRequest(
        @Schema(description = "Where the money comes from: budget and year.", example = "APBD Kabupaten Kampar 2026")
        @NotBlank @Size(max = 200)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String source,
        @Schema(description = "The decree (surat keputusan) that grants it.", example = "SK 412/2026")
        @NotBlank @Size(max = 100)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String decreeNumber,
        @Schema(description = "Rupiah received, greater than zero.")
        @NotNull Amount amount,
        @Schema(description = "The day the money arrived; not in the future or a closed period.",
                example = "2026-02-01")
        @NotNull LocalDate receivedOn,
        @Schema(description = "Cash or bank account that received it: 1-1100, 1-1200 or an account under them. "
                + "Default 1-1200 (Bank).", example = "1-1200", defaultValue = "1-1200", nullable = true)
        @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1200 or 1-1200-01")
        String account) {
}
