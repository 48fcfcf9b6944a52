package id.lumbung.opening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.ledger.AccountCatalog;
import id.lumbung.ledger.AccountRef;
import id.lumbung.ledger.ControlAccounts;
import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.JournalHead;
import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.ledger.Side;
import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.time.Timestamps;

/**
 * Opening balances for an LED moving from paper books: one OPENING_BALANCE entry with a posting
 * per account, posted once and only while the journal is still empty, so that every later entry
 * builds on them. The journal head is locked before the check, so an entry posted at the same
 * moment either lands first (and this is refused) or waits until the opening balances are in.
 */
@ApplicationScoped
public class OpeningBalanceService {

    private final PostingService posting;
    private final PostingRules rules;
    private final AccountCatalog catalog;
    private final SystemAccounts system;

    public OpeningBalanceService(PostingService posting, PostingRules rules, AccountCatalog catalog,
            SystemAccounts system) {
        this.system = system;
        this.posting = posting;
        this.rules = rules;
        this.catalog = catalog;
    }

    /** Posts opening balances sent as JSON; lines are named {@code lines[i]} in errors. */
    @Transactional
    public OpeningBalanceView post(UUID ledId, @NotNull @Valid OpeningBalanceRequest request, String recordedBy) {
        OpeningLines lines = new OpeningLines();
        for (int i = 0; i < request.lines().size(); i++) {
            OpeningBalanceRequest.Line line = request.lines().get(i);
            lines.add("lines[" + i + "]", line.account(), line.debit(), line.credit());
        }
        return open(ledId, request.effectiveDate(), "effectiveDate", request.description(), lines.checked(),
                recordedBy);
    }

    /** Posts opening balances sent as CSV; lines are named by their line in the file. */
    @Transactional
    public OpeningBalanceView postCsv(UUID ledId, LocalDate asOf, String description, String csv,
            String recordedBy) {
        if (asOf == null) {
            throw new ApiException(ProblemType.INVALID_PARAMETER, "asOf: required with CSV, e.g. ?asOf=2025-12-31",
                    List.of(new Problem.FieldError("asOf", "required: the date the balances stand at")));
        }
        if (description != null
                && (description.length() > 500 || description.chars().anyMatch(Character::isISOControl))) {
            throw new ApiException(ProblemType.INVALID_PARAMETER, "description: at most 500 characters, no control "
                    + "characters", List.of(new Problem.FieldError("description", "at most 500 characters")));
        }
        return open(ledId, asOf, "asOf", description, OpeningBalanceCsv.parse(csv), recordedBy);
    }

    /** The LED's opening balances, if it has posted them. */
    @Transactional
    public OpeningBalanceView get(UUID ledId) {
        return OpeningBalance.<OpeningBalance>find("ledId", ledId).firstResultOptional()
                .map(OpeningBalanceView::from)
                .orElseThrow(() -> ApiException.notFound("opening balances of LED " + ledId));
    }

    private OpeningBalanceView open(UUID ledId, LocalDate effectiveDate, String dateField, String description,
            List<OpeningLines.Line> lines, String recordedBy) {
        rules.requireNotInFuture(ledId, effectiveDate, dateField);
        requireKnownAccounts(ledId, lines);
        ControlAccounts.refuse(system.controlCodes(ledId), lines.stream()
                .map(line -> new ControlAccounts.Named(line.where() + ".account", line.account())).toList());
        Amount total = requireBalanced(lines);
        requireEmptyJournal(ledId);

        OpeningBalance opening = new OpeningBalance();
        opening.id = Ids.next();
        opening.ledId = ledId;
        opening.effectiveDate = effectiveDate;
        opening.lineCount = lines.size();
        opening.total = total.value();
        opening.recordedBy = recordedBy;
        opening.recordedAt = Timestamps.now();

        List<EntryDraft.Line> postings = lines.stream()
                .map(line -> line.debit() != null
                        ? new EntryDraft.Line(line.account(), Side.DEBIT, line.debit())
                        : new EntryDraft.Line(line.account(), Side.CREDIT, line.credit()))
                .toList();
        String text = description == null || description.isBlank() ? "Saldo awal per " + effectiveDate
                : description.strip();
        EntryDraft draft = new EntryDraft(ledId, effectiveDate, EntryKind.OPENING_BALANCE, text,
                new EntryDraft.Reference(OpeningBalance.REFERENCE_TYPE, opening.id), null, postings);
        PostedEntry entry = posting.post(draft, recordedBy);
        opening.entryId = entry.id();
        opening.persistAndFlush();
        return OpeningBalanceView.from(opening);
    }

    /** 422 {@code unknown-account} naming every line whose account the chart does not have. */
    private void requireKnownAccounts(UUID ledId, List<OpeningLines.Line> lines) {
        Set<String> codes = new LinkedHashSet<>();
        lines.forEach(line -> codes.add(line.account()));
        Map<String, AccountRef> known = catalog.resolve(ledId, codes);
        List<Problem.FieldError> unknown = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (OpeningLines.Line line : lines) {
            if (!known.containsKey(line.account())) {
                unknown.add(new Problem.FieldError(line.where() + ".account",
                        "no account " + line.account() + " in this LED's chart"));
                named.add(line.account() + " (" + line.where() + ")");
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(ProblemType.UNKNOWN_ACCOUNT,
                    "no account " + String.join(", ", named) + " in this LED's chart", unknown);
        }
    }

    /** The total debits, or 422 {@code entry-unbalanced} naming both totals. */
    private static Amount requireBalanced(List<OpeningLines.Line> lines) {
        Amount debits = Amount.ZERO;
        Amount credits = Amount.ZERO;
        for (OpeningLines.Line line : lines) {
            if (line.debit() != null) {
                debits = debits.plus(line.debit());
            } else {
                credits = credits.plus(line.credit());
            }
        }
        if (!debits.equals(credits)) {
            throw new ApiException(ProblemType.ENTRY_UNBALANCED, "opening balances do not balance: debits " + debits
                    + " and credits " + credits + " differ by " + debits.minus(credits).value().abs().toPlainString()
                    + "; put the difference on 3-1900 Ekuitas Saldo Awal");
        }
        return debits;
    }

    /**
     * 409 {@code ledger-not-empty} unless the LED has no entry yet. Locks the journal head (the lock
     * every posting takes) for the rest of the transaction, so no entry slips in before these.
     */
    private static void requireEmptyJournal(UUID ledId) {
        JournalHead head = JournalHead.<JournalHead>findByIdOptional(ledId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("LED " + ledId));
        if (head.lastNumber > 0) {
            throw new ApiException(ProblemType.LEDGER_NOT_EMPTY, "opening balances are posted before any other "
                    + "entry; this LED already has " + head.lastNumber
                    + (head.lastNumber == 1 ? " entry" : " entries"));
        }
    }
}
