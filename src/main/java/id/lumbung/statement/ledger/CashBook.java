package id.lumbung.statement.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

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
 * The LED's cash book (buku kas): one book of every posting to its cash and bank accounts (and the
 * accounts below them), each line naming its account, with one running balance of cash and bank
 * together. A transfer between the LED's own cash and bank shows as two lines that net to zero.
 */
@Schema(name = "CashBook")
public record CashBook(@JsonUnwrapped StatementHeader header,
        @Schema(description = "The accounts in the book: cash and bank by purpose, and every account below them.")
        List<CounterAccount> accounts,
        @Schema(type = SchemaType.STRING, example = "97150000.00",
                description = "Cash and bank before this page's first line: as of the day before `from` on the "
                        + "first page, after the previous page's last line on a later one.") Amount opening,
        List<Line> lines,
        @Schema(type = SchemaType.STRING, example = "98300000.00",
                description = "Cash and bank as of `to`, on every page.") Amount closing,
        @Schema(description = "Pass as `after` to get the next page; absent on the last page.",
                example = "MjAyNi0wMy0xNDoxMjg0OjI",
                extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"))
        @JsonInclude(JsonInclude.Include.NON_NULL) String next,
        @JsonIgnore @Schema(hidden = true) StatementMessages labels,
        @JsonIgnore @Schema(hidden = true) LedgerMessages words,
        @JsonIgnore @Schema(hidden = true) SignatureBlock signatureBlock) implements Statement {

    /** One posting to a cash or bank account. */
    @Schema(name = "CashBookLine")
    public record Line(@Schema(example = "1284") long entryNumber, UUID entryId,
            @Schema(description = "The entry's effective date.", example = "2026-03-14") LocalDate date,
            @Schema(example = "Angsuran pinjaman Siti") String description, EntryKind kind,
            @Schema(description = "The cash or bank account posted to.") CounterAccount account,
            @Schema(type = SchemaType.STRING, example = "775000.00", description = "Money in.") Amount debit,
            @Schema(type = SchemaType.STRING, example = "0.00", description = "Money out.") Amount credit,
            List<CounterAccount> counterAccounts,
            @Schema(type = SchemaType.STRING, example = "98300000.00",
                    description = "Cash and bank together after this line.") Amount balance) {
    }

    static CashBook of(StatementHeader header, List<BookAccount> accounts, BookSection section,
            StatementMessages labels, LedgerMessages words, SignatureBlock signatureBlock) {
        Map<UUID, CounterAccount> named = new HashMap<>();
        for (BookAccount account : accounts) {
            named.put(account.id(), new CounterAccount(account.code(), account.name()));
        }
        List<Line> lines = new ArrayList<>(section.lines().size());
        for (BookSection.Line line : section.lines()) {
            BookPosting posting = line.posting();
            boolean debit = posting.side() == Side.DEBIT;
            lines.add(new Line(posting.key().entryNumber(), posting.entryId(), posting.day(), posting.description(),
                    posting.kind(), named.get(posting.accountId()), debit ? Amount.of(posting.amount()) : Amount.ZERO,
                    debit ? Amount.ZERO : Amount.of(posting.amount()), line.counterAccounts(),
                    Amount.of(line.runningNet())));
        }
        // Cash and bank are debit-normal assets: the book's balance is debits minus credits.
        return new CashBook(header, accounts.stream().map(a -> named.get(a.id())).toList(),
                Amount.of(section.opening()), lines, Amount.of(section.closing()), section.next(), labels, words,
                signatureBlock);
    }

    @Override
    public StatementTable table() {
        List<StatementTable.Row> rows = new ArrayList<>(lines.size() + 2);
        rows.add(new StatementTable.Row(StatementTable.Kind.LINE, 0,
                List.of(header.from().toString(), "", "", words.openingBalance(), ""),
                AccountLedger.balanceOnly(opening)));
        Amount debits = Amount.ZERO;
        Amount credits = Amount.ZERO;
        for (Line line : lines) {
            rows.add(new StatementTable.Row(StatementTable.Kind.LINE, 0,
                    List.of(line.date().toString(), Long.toString(line.entryNumber()), line.account().code(),
                            line.description(), CounterAccount.printed(line.counterAccounts())),
                    List.of(line.debit(), line.credit(), line.balance())));
            debits = debits.plus(line.debit());
            credits = credits.plus(line.credit());
        }
        rows.add(new StatementTable.Row(StatementTable.Kind.TOTAL, 0,
                List.of(header.to().toString(), "", "", words.closingBalance(), ""),
                List.of(debits, credits, closing)));
        return new StatementTable(List.of(words.columnDate(), words.columnEntry(), words.columnBookAccount(),
                words.columnDescription(), words.columnCounterAccounts()), List.of(labels.columnDebit(),
                labels.columnCredit(), words.columnBalance()), rows);
    }

    @Override
    public String fileStem() {
        return "cash-book-" + header.from() + "-" + header.to();
    }
}
