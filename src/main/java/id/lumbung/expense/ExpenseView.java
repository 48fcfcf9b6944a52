package id.lumbung.expense;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.money.Amount;

/** A recorded expense and the entry that booked it. */
@Schema(name = "Expense")
public record ExpenseView(
        @Schema(example = "0193a5c2-11aa-7e0f-b3c4-000000000003") UUID id,
        @Schema(description = "The EXPENSE journal entry that booked it.",
                example = "0193a5c2-11aa-7e0f-b3c4-9d8e7f6a5b4c") UUID entryId,
        @Schema(description = "The expense account debited.", example = "5-1100") String account,
        Amount amount,
        @Schema(example = "2026-03-12") LocalDate paidOn,
        @Schema(example = "Cetak buku kas dan kuitansi") String description,
        @Schema(example = "Percetakan Sinar Kuok", nullable = true) String payee,
        @Schema(description = "The cash or bank account credited.", example = "1-1100") String paidFrom,
        @Schema(example = "2026-03-12T06:30:00.123456Z") Instant recordedAt,
        @Schema(description = "Subject of the token that recorded it.", example = "clerk.budi") String recordedBy,
        @Schema(description = "The reversal of the booking entry, once it was reversed in the journal; the record "
                + "then no longer counts in the books.", nullable = true) UUID reversedBy) {

    static ExpenseView from(Expense expense, UUID reversedBy) {
        return new ExpenseView(expense.id, expense.entryId, expense.accountCode, Amount.of(expense.amount),
                expense.paidOn, expense.description, expense.payee, expense.paidFrom, expense.recordedAt,
                expense.recordedBy, reversedBy);
    }
}
