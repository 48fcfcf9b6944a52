package id.lumbung.loan.group;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;

/** Money a KUB group paid together towards its group loan. */
@Schema(name = "GroupRepaymentRequest")
public record GroupRepaymentRequest(
        @Schema(type = SchemaType.STRING, description = "Rupiah paid, greater than zero; at most everything the "
                + "group's shares owe together on `paidOn`.", example = "690000")
        @NotNull Amount amount,
        @Schema(description = "The day the group paid: not before the disbursement, not after today.",
                example = "2026-04-01")
        @NotNull LocalDate paidOn,
        @Schema(description = "The member whose share it pays (the group covering a member in arrears); what "
                + "that share cannot take is spread over the others. Default: spread over every share.",
                nullable = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c")
        @JsonProperty("for") UUID forMember,
        @Schema(description = "Cash or bank account it was taken into. Default: the lending settings' "
                + "collectionAccount (1-1100 Kas).", example = "1-1100", nullable = true)
        @Pattern(regexp = AccountService.CODE_PATTERN, message = "must look like 1-1100 or 1-1100-01")
        String account) {
}
