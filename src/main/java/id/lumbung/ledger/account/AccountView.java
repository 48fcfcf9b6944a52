package id.lumbung.ledger.account;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.AccountType;
import id.lumbung.ledger.Side;
import id.lumbung.money.Amount;
import id.lumbung.platform.openapi.ContractFilter;

/** An account with its totals; {@code balance} is signed by the normal side. */
@Schema(name = "Account")
public record AccountView(
        @Schema(example = "1-1100") String code,
        @Schema(example = "Kas") String name,
        @Schema(example = "ASSET") AccountType type,
        @Schema(example = "DEBIT") Side normalSide,
        @Schema(example = "false") boolean contra,
        @Schema(example = "true") boolean noNegative,
        @Schema(nullable = true, example = "1-1000") String parentCode,
        @Schema(nullable = true, example = "CASH", description = "What the system uses the account for; null on an "
                + "account the LED added. Integrations find the LED's cash, loans receivable or recovery income "
                + "account by purpose: an older LED's code may differ from the default.")
        AccountPurpose purpose,
        @Schema(type = SchemaType.STRING, example = "52500000.00")
        Amount debitsPosted,
        @Schema(type = SchemaType.STRING, example = "14750000.00")
        Amount creditsPosted,
        @Schema(type = SchemaType.STRING, example = "37750000.00",
                description = "Debits minus credits for a debit-normal account, credits minus debits otherwise.")
        Amount balance,
        @Schema(description = "Present when the totals are as of the end of a past day (`?asOf=`).",
                example = "2026-03-31",
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"))
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate asOf) {
}
