package id.lumbung.statement.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import id.lumbung.ledger.AccountType;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.Side;
import id.lumbung.money.Amount;
import id.lumbung.platform.openapi.ContractFilter;
import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.Statement;
import id.lumbung.statement.StatementHeader;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementTable;

/**
 * One account's ledger (buku besar) over a range: the opening balance, each posting in effective-date
 * order (then entry number) with its counter-accounts and the running balance, and the closing
 * balance, all on the account's normal side. JSON is one page of lines; CSV and PDF the whole range.
 */
@Schema(name = "AccountLedger")
public record AccountLedger(@JsonUnwrapped StatementHeader header, Account account,
        @Schema(type = SchemaType.STRING, example = "12500000.00",
                description = "The balance before this page's first line: as of the day before `from` on the first "
                        + "page, after the previous page's last line on a later one.") Amount opening,
        List<Line> lines,
        @Schema(type = SchemaType.STRING, example = "13275000.00",
                description = "The balance as of `to`, on every page, so each page can be checked against it.")
        Amount closing,
        @Schema(description = "Pass as `after` to get the next page; absent on the last page.",
                example = "MjAyNi0wMy0xNDoxMjg0OjI",
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"))
        @JsonInclude(JsonInclude.Include.NON_NULL) String next,
        @JsonIgnore @Schema(hidden = true) StatementMessages labels,
        @JsonIgnore @Schema(hidden = true) LedgerMessages words,
        @JsonIgnore @Schema(hidden = true) SignatureBlock signatureBlock) implements Statement {

    /** The account the ledger is of. */
    @Schema(name = "LedgerAccount")
    public record Account(@Schema(example = "1-1100") String code, @Schema(example = "Kas") String name,
            AccountType type, Side normalSide) {
    }

    /** One posting to the account. */
    @Schema(name = "AccountLedgerLine")
    public record Line(@Schema(example = "1284") long entryNumber, UUID entryId,
            @Schema(description = "The entry's effective date.", example = "2026-03-14") LocalDate date,
            @Schema(example = "Angsuran pinjaman Siti") String description, EntryKind kind,
            @Schema(type = SchemaType.STRING, example = "775000.00") Amount debit,
            @Schema(type = SchemaType.STRING, example = "0.00") Amount credit,
            List<CounterAccount> counterAccounts,
            @Schema(type = SchemaType.STRING, example = "13275000.00",
                    description = "The account's balance after this line, on its normal side.") Amount balance) {
    }

    static AccountLedger of(StatementHeader header, BookAccount account, BookSection section,
            StatementMessages labels, LedgerMessages words, SignatureBlock signatureBlock) {
        boolean debitNormal = account.normalSide() == Side.DEBIT;
        List<Line> lines = new ArrayList<>(section.lines().size());
        for (BookSection.Line line : section.lines()) {
            BookPosting posting = line.posting();
            boolean debit = posting.side() == Side.DEBIT;
            lines.add(new Line(posting.key().entryNumber(), posting.entryId(), posting.day(), posting.description(),
                    posting.kind(), debit ? Amount.of(posting.amount()) : Amount.ZERO,
                    debit ? Amount.ZERO : Amount.of(posting.amount()), line.counterAccounts(),
                    signed(line.runningNet(), debitNormal)));
        }
        return new AccountLedger(header, new Account(account.code(), account.name(), account.type(),
                account.normalSide()), signed(section.opening(), debitNormal), lines,
                signed(section.closing(), debitNormal), section.next(), labels, words,
                signatureBlock);
    }

    private static Amount signed(BigDecimal net, boolean debitNormal) {
        return Amount.of(debitNormal ? net : net.negate());
    }

    @Override
    public StatementTable table() {
        List<StatementTable.Row> rows = new ArrayList<>(lines.size() + 2);
        rows.add(new StatementTable.Row(StatementTable.Kind.LINE, 0,
                List.of(header.from().toString(), "", words.openingBalance(), ""), balanceOnly(opening)));
        Amount debits = Amount.ZERO;
        Amount credits = Amount.ZERO;
        for (Line line : lines) {
            rows.add(new StatementTable.Row(StatementTable.Kind.LINE, 0,
                    List.of(line.date().toString(), Long.toString(line.entryNumber()), line.description(),
                            CounterAccount.printed(line.counterAccounts())),
                    List.of(line.debit(), line.credit(), line.balance())));
            debits = debits.plus(line.debit());
            credits = credits.plus(line.credit());
        }
        rows.add(new StatementTable.Row(StatementTable.Kind.TOTAL, 0,
                List.of(header.to().toString(), "", words.closingBalance(), ""), List.of(debits, credits, closing)));
        return new StatementTable(List.of(words.columnDate(), words.columnEntry(), words.columnDescription(),
                words.columnCounterAccounts()), List.of(labels.columnDebit(), labels.columnCredit(),
                words.columnBalance()), rows);
    }

    static List<Amount> balanceOnly(Amount balance) {
        List<Amount> amounts = new ArrayList<>(3);
        amounts.add(null);
        amounts.add(null);
        amounts.add(balance);
        return amounts;
    }

    @Override
    public String fileStem() {
        return "ledger-" + account.code().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + header.from() + "-" + header.to();
    }
}
