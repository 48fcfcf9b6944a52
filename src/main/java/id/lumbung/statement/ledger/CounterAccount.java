package id.lumbung.statement.ledger;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Another account the same journal entry posts to: where the money came from or went. */
@Schema(name = "LedgerCounterAccount")
public record CounterAccount(@Schema(example = "4-1100") String code,
        @Schema(example = "Pendapatan Jasa Pinjaman") String name) {

    /** How CSV and PDF print a line's counter-accounts in one cell. */
    static String printed(List<CounterAccount> accounts) {
        return String.join("; ", accounts.stream().map(a -> a.code() + " " + a.name()).toList());
    }
}
