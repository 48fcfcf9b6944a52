package id.lumbung.expense;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.ledger.AccountType;
import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.JournalReader;
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;

/**
 * Operating expenses: Dr the expense account · Cr cash or bank. The cash account's no-negative
 * rule is the core's (and the database's): an expense the cash cannot cover is refused with 409
 * {@code insufficient-funds} and nothing is written, however many clerks pay at once.
 */
@ApplicationScoped
public class ExpenseService {

    private final PostingService posting;
    private final PostingRules rules;
    private final JournalReader journal;
    private final SystemAccounts system;

    public ExpenseService(PostingService posting, PostingRules rules, JournalReader journal, SystemAccounts system) {
        this.system = system;
        this.posting = posting;
        this.rules = rules;
        this.journal = journal;
    }

    /** Records the expense and posts its EXPENSE entry in one transaction. */
    @Transactional
    public ExpenseView record(UUID ledId, @NotNull @Valid ExpenseRequest request, String recordedBy) {
        rules.requirePositive(request.amount(), "amount");
        rules.requireNotInFuture(ledId, request.paidOn(), "paidOn");
        rules.requireType(ledId, request.account(), AccountType.EXPENSE, "account");
        String paidFrom = request.paidFrom() == null ? system.code(ledId, AccountPurpose.CASH) : request.paidFrom();
        rules.requireCashOrBank(ledId, paidFrom, "paidFrom");

        Expense expense = new Expense();
        expense.id = Ids.next();
        expense.ledId = ledId;
        expense.accountCode = request.account();
        expense.amount = request.amount().value();
        expense.paidOn = request.paidOn();
        expense.description = request.description().strip();
        expense.payee = request.payee() == null || request.payee().isBlank() ? null : request.payee().strip();
        expense.paidFrom = paidFrom;
        expense.recordedBy = recordedBy;
        expense.recordedAt = Timestamps.now();

        String description = expense.payee == null ? expense.description
                : expense.description + " (" + expense.payee + ")";
        EntryDraft draft = new EntryDraft(ledId, expense.paidOn, EntryKind.EXPENSE, description,
                new EntryDraft.Reference(Expense.REFERENCE_TYPE, expense.id), null, List.of(
                        new EntryDraft.Line(expense.accountCode, Side.DEBIT, request.amount()),
                        new EntryDraft.Line(paidFrom, Side.CREDIT, request.amount())));
        PostedEntry entry = posting.post(draft, recordedBy);
        expense.entryId = entry.id();
        expense.persistAndFlush();
        return ExpenseView.from(expense, null);
    }

    @Transactional
    public ExpenseView get(UUID ledId, UUID expenseId) {
        return Expense.<Expense>find("ledId = ?1 and id = ?2", ledId, expenseId).firstResultOptional()
                .map(found -> view(ledId, found))
                .orElseThrow(() -> ApiException.notFound("expense " + expenseId));
    }

    /** Expenses in the order they were recorded, optionally of one expense account. */
    @Transactional
    public Page<ExpenseView> list(UUID ledId, String account, int limit, String after) {
        UUID afterId = Cursor.afterId(after);
        List<Expense> found = account == null
                ? Expense.<Expense>find("ledId = ?1 and id > ?2 order by id", ledId, afterId)
                        .page(0, limit + 1).list()
                : Expense.<Expense>find("ledId = ?1 and accountCode = ?2 and id > ?3 order by id", ledId, account,
                        afterId).page(0, limit + 1).list();
        Map<UUID, UUID> reversals = journal.reversals(ledId, found.stream().map(r -> r.entryId).toList());
        return Page.of(found, limit, r -> ExpenseView.from(r, reversals.get(r.entryId)),
                expense -> expense.id.toString());
    }

    /** The view with {@code reversedBy} read from the journal. */
    private ExpenseView view(UUID ledId, Expense expense) {
        return ExpenseView.from(expense, journal.reversals(ledId, List.of(expense.entryId)).get(expense.entryId));
    }
}
