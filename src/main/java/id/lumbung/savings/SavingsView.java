package id.lumbung.savings;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;
import id.lumbung.platform.paging.Page;

/** A member's savings: the balance and a page of the passbook, newest movement first. */
@Schema(name = "MemberSavings")
public record SavingsView(
        @Schema(example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") UUID memberId,
        @Schema(description = "What the LED owes the member now; 0.00 before the first deposit.") Amount balance,
        @Schema(description = "Deposits and withdrawals, newest recorded first; pages with `limit` and `after`.")
        Page<MovementView> movements) {
}
