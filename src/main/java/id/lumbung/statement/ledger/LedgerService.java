package id.lumbung.statement.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.StatementLanguage;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementSnapshots;
import id.lumbung.statement.settings.StatementSettingsStore;

/** Builds the account ledger and the cash book, each inside one consistent snapshot of the books. */
@ApplicationScoped
public class LedgerService {

    /** How many postings a printed book reads at a time: bounded memory per query, same queries as a page. */
    private static final int PRINT_CHUNK = Cursor.MAX_LIMIT;

    private final StatementSnapshots snapshots;

    public LedgerService(StatementSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** The ledger (buku besar) of the account with {@code code}; 404 when the LED has none. */
    public AccountLedger accountLedger(UUID ledId, String code, BookRange range, StatementLanguage language) {
        StatementMessages labels = language.messages();
        LedgerMessages words = language.messages(LedgerMessages.class);
        return snapshots.read(ledId, reads -> {
            BookReads book = new BookReads(reads.connection(), ledId);
            BookAccount account = book.account(code).orElseThrow(() -> ApiException.notFound("account " + code));
            BookSection section = section(book, List.of(account), range);
            String title = words.accountLedgerTitle() + " " + account.code() + " " + account.name();
            return AccountLedger.of(reads.period("account-ledger", title, range.from(), range.to(), labels), account,
                    section, labels, words, signatureBlock(reads.connection(), ledId));
        });
    }

    /** The cash book (buku kas): every cash and bank account of the LED in one book. */
    public CashBook cashBook(UUID ledId, BookRange range, StatementLanguage language) {
        StatementMessages labels = language.messages();
        LedgerMessages words = language.messages(LedgerMessages.class);
        return snapshots.read(ledId, reads -> {
            BookReads book = new BookReads(reads.connection(), ledId);
            List<BookAccount> accounts = book.cashAndBank();
            BookSection section = section(book, accounts, range);
            return CashBook.of(reads.period("cash-book", words.cashBookTitle(), range.from(), range.to(), labels),
                    accounts, section, labels, words, signatureBlock(reads.connection(), ledId));
        });
    }

    /** Who signs the printed book, read in the book's own snapshot like every statement's settings. */
    private static SignatureBlock signatureBlock(Connection connection, UUID ledId) throws SQLException {
        return StatementSettingsStore.read(connection, ledId, false).settings().signatureBlock();
    }

    /**
     * The lines of a page, or of the whole range in chunks, with the running balance carried from an
     * opening read once: the balance before the page's first line (daily movements before the
     * cursor's day plus that day's postings up to the cursor), never a sum over the history.
     */
    private static BookSection section(BookReads book, List<BookAccount> accounts, BookRange range)
            throws SQLException {
        PostingKey start = range.after() != null ? range.after() : PostingKey.before(range.from());
        BigDecimal opening = book.netThrough(accounts, start);
        BigDecimal closing = book.netBefore(accounts, range.to().plusDays(1));
        List<BookSection.Line> lines = new ArrayList<>();
        BigDecimal running = opening;
        PostingKey cursor = start;
        String next = null;
        while (true) {
            int fetch = range.whole() ? PRINT_CHUNK : range.limit() + 1;
            List<BookPosting> fetched = book.page(accounts, cursor, range.to(), fetch);
            boolean more = range.whole() ? fetched.size() == fetch : fetched.size() > range.limit();
            List<BookPosting> shown = !range.whole() && more ? fetched.subList(0, range.limit()) : fetched;
            Map<UUID, List<BookReads.EntryAccount>> entries = book.entryAccounts(shown);
            for (BookPosting posting : shown) {
                running = running.add(posting.net());
                lines.add(new BookSection.Line(posting, counterAccounts(posting, entries), running));
            }
            if (!more) {
                break;
            }
            cursor = shown.get(shown.size() - 1).key();
            if (!range.whole()) {
                next = cursor.cursor();
                break;
            }
        }
        return new BookSection(opening, lines, closing, next);
    }

    /** The entry's other accounts, each once, in line order. */
    private static List<CounterAccount> counterAccounts(BookPosting posting,
            Map<UUID, List<BookReads.EntryAccount>> entries) {
        Map<UUID, CounterAccount> others = new LinkedHashMap<>();
        for (BookReads.EntryAccount account : entries.getOrDefault(posting.entryId(), List.of())) {
            if (!account.accountId().equals(posting.accountId())) {
                others.putIfAbsent(account.accountId(), new CounterAccount(account.code(), account.name()));
            }
        }
        return List.copyOf(others.values());
    }
}
