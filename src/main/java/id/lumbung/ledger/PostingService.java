package id.lumbung.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.idempotency.IdempotentRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The ledger core's one way in: every feature that moves money posts through here, and nothing
 * writes postings or balances around it. It checks what a balanced, postable entry must be, then
 * hands it on: to the {@link JournalWriter} inside the caller's transaction when a business record
 * commits with the entry, or to the group commit ({@link JournalBatcher}) when the entry stands
 * alone.
 */
@ApplicationScoped
public class PostingService {

    private final JournalWriter writer;
    private final JournalBatcher batcher;
    private final IdempotencyService idempotency;
    private final JournalReader reader;
    private final AccountCatalog catalog;
    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final Timer latency;
    private final Map<EntryKind, Counter> posted = new EnumMap<>(EntryKind.class);
    private final Clock clock;
    private final Instance<ReversalPolicy> reversalPolicies;
    private final LedCalendar calendar;

    public PostingService(JournalWriter writer, JournalBatcher batcher, IdempotencyService idempotency,
            JournalReader reader, AccountCatalog catalog, MeterRegistry registry,
            TransactionSynchronizationRegistry transactions, @Any Instance<ReversalPolicy> reversalPolicies,
            LedCalendar calendar) {
        this.reversalPolicies = reversalPolicies;
        this.calendar = calendar;
        this.writer = writer;
        this.batcher = batcher;
        this.idempotency = idempotency;
        this.reader = reader;
        this.catalog = catalog;
        this.registry = registry;
        this.transactions = transactions;
        this.latency = Timer.builder("ledger.posting.latency")
                .description("Time to validate and write one journal entry: before the caller's commit, or"
                        + " through the commit of its group")
                .publishPercentileHistogram()
                .register(registry);
        for (EntryKind kind : EntryKind.values()) {
            posted.put(kind, Counter.builder("ledger.entries.posted")
                    .description("Journal entries committed, by kind")
                    .tag("kind", kind.name())
                    .register(registry));
        }
        this.clock = Clock.systemUTC();
    }

    /** Posts a balanced entry; the caller's transaction makes it and the business record one. */
    @Transactional
    public PostedEntry post(EntryDraft draft, String recordedBy) {
        Timer.Sample sample = Timer.start(registry);
        requireBalanced(draft);
        requireNotInFuture(draft.ledId(), draft.effectiveDate());
        Map<String, AccountRef> accounts = resolve(draft);
        PostedEntry entry = writer.append(draft, accounts, recordedBy, Instant.now(clock));
        sample.stop(latency);
        countOnCommit(entry.kind());
        return entry;
    }

    /**
     * Posts an entry that stands alone, one that no business record commits with, through the
     * group commit: it shares a transaction with the entries posted at the same moment. Must be
     * called outside any transaction. A request with a key is settled in the group's transaction as
     * {@link IdempotencyService} settles it (replay, reuse, in flight) and its answer stored there.
     *
     * @param answer how the request answers once the entry is posted
     * @return the request's answer, or the original answer of an earlier request with the same key
     */
    public Created postGrouped(EntryDraft draft, String recordedBy, IdempotentRequest request,
            Function<PostedEntry, Created> answer) {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            // The group commits on its own: inside a transaction the entry would escape its rollback.
            throw new IllegalStateException("postGrouped runs outside any transaction; use post() inside one");
        }
        Timer.Sample sample = Timer.start(registry);
        requireBalanced(draft);
        requireNotInFuture(draft.ledId(), draft.effectiveDate());
        Map<String, AccountRef> accounts = resolve(draft);
        AppendOutcome outcome = batcher.append(new PendingAppend(draft, accounts, recordedBy, request, answer));
        return switch (outcome) {
            case AppendOutcome.Posted entry -> {
                sample.stop(latency);
                posted.get(draft.kind()).increment();
                yield entry.answer() != null ? entry.answer() : answer.apply(entry.entry());
            }
            case AppendOutcome.Replayed replay -> replay.answer();
            case AppendOutcome.Refused refusal -> throw refusal.problem();
            case AppendOutcome.Failed failure -> throw failure.cause();
            // Its journal was busy or its group failed: a transaction of its own waits, or names its error.
            case AppendOutcome.PostAlone alone ->
                idempotency.once(request, () -> answer.apply(post(draft, recordedBy)));
        };
    }

    /**
     * Reverses an entry with one that posts the opposite sides (DESIGN §2 invariant 2); the
     * original stays as it was and shows {@code reversedBy}. Dated today unless a date is given.
     * Entries owned by a business operation (savings, loans) are refused here: see {@link ReversalPolicy}.
     */
    @Transactional
    public PostedEntry reverse(UUID ledId, UUID entryId, String reason, LocalDate effectiveDate, String recordedBy) {
        return reverse(ledId, entryId, reason, effectiveDate, recordedBy, true);
    }

    /**
     * The reversal a business operation posts of its own entry (a bounced repayment, a disbursement
     * recorded by mistake), together with its own records in the caller's transaction. It skips the
     * {@link ReversalPolicy} checks that keep everyone else from reversing that entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PostedEntry reverseOwnEntry(UUID ledId, UUID entryId, String reason, LocalDate effectiveDate,
            String recordedBy) {
        return reverse(ledId, entryId, reason, effectiveDate, recordedBy, false);
    }

    private PostedEntry reverse(UUID ledId, UUID entryId, String reason, LocalDate effectiveDate, String recordedBy,
            boolean checkPolicies) {
        PostedEntry original = reader.find(ledId, entryId)
                .orElseThrow(() -> ApiException.notFound("journal entry " + entryId));
        if (original.kind() == EntryKind.REVERSAL) {
            throw new ApiException(ProblemType.ENTRY_IS_REVERSAL,
                    "entry #" + original.number() + " is a reversal; post a new entry instead");
        }
        if (checkPolicies) {
            reversalPolicies.forEach(policy -> policy.checkReversible(original));
        }
        if (original.reversedBy() != null) {
            throw new ApiException(ProblemType.ENTRY_ALREADY_REVERSED,
                    "entry #" + original.number() + " was already reversed by " + original.reversedBy());
        }
        LocalDate date = effectiveDate != null ? effectiveDate : today(ledId);
        if (date.isBefore(original.effectiveDate())) {
            throw ApiException.invalidField("effectiveDate",
                    "a reversal cannot be dated before the entry it reverses (" + original.effectiveDate() + ")");
        }
        List<EntryDraft.Line> lines = original.lines().stream()
                .map(line -> new EntryDraft.Line(line.account(), line.side().opposite(), line.amount()))
                .toList();
        EntryDraft draft = new EntryDraft(ledId, date, EntryKind.REVERSAL, reason, original.reference(),
                original.id(), lines);
        return post(draft, recordedBy);
    }

    /** Today in the LED's calendar (its lending settings' time zone; Asia/Jakarta by default). */
    public LocalDate today(UUID ledId) {
        return calendar.today(ledId);
    }

    private void requireBalanced(EntryDraft draft) {
        if (draft.lines().size() < 2) {
            throw new ApiException(ProblemType.ENTRY_UNBALANCED, "an entry needs at least two postings");
        }
        Amount debits = Amount.ZERO;
        Amount credits = Amount.ZERO;
        for (EntryDraft.Line line : draft.lines()) {
            if (!line.amount().isPositive()) {
                throw new ApiException(ProblemType.VALIDATION_FAILED, "posting amounts must be greater than zero");
            }
            if (line.side() == Side.DEBIT) {
                debits = debits.plus(line.amount());
            } else {
                credits = credits.plus(line.amount());
            }
        }
        if (!debits.equals(credits)) {
            throw new ApiException(ProblemType.ENTRY_UNBALANCED,
                    "debits " + debits + " and credits " + credits + " differ by " + debits.minus(credits));
        }
    }

    private void requireNotInFuture(UUID ledId, LocalDate effectiveDate) {
        LocalDate today = today(ledId);
        if (effectiveDate.isAfter(today)) {
            throw new ApiException(ProblemType.EFFECTIVE_DATE_IN_FUTURE, "effective date " + effectiveDate
                    + " is after today (" + today + ", " + calendar.zone(ledId) + ")");
        }
    }

    private Map<String, AccountRef> resolve(EntryDraft draft) {
        Set<String> codes = new LinkedHashSet<>();
        draft.lines().forEach(line -> codes.add(line.account()));
        Map<String, AccountRef> accounts = catalog.resolve(draft.ledId(), codes);
        List<String> unknown = codes.stream().filter(code -> !accounts.containsKey(code)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(ProblemType.UNKNOWN_ACCOUNT, "no account " + String.join(", ", unknown)
                    + " in this LED's chart");
        }
        return accounts;
    }

    /** Counts the entry only once it is really in the books. */
    private void countOnCommit(EntryKind kind) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    posted.get(kind).increment();
                }
            }
        });
    }
}
