package id.lumbung.ledger;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.lumbung.money.Amount;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotentRequest;
import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The group commit decides every entry exactly as posting them one after another would, and
 * writes a group in one transaction. Groups are handed to {@link BatchAppender} directly, so their
 * make-up is known rather than left to timing.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class GroupCommitTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    private static final String CASH = AccountPurpose.CASH.defaultCode();
    private static final String EQUITY = AccountPurpose.COMMUNITY_EQUITY.defaultCode();
    private static final String EXPENSE = AccountPurpose.OPERATING_EXPENSE.defaultCode();

    @Inject
    BatchAppender appender;

    @Inject
    AccountCatalog catalog;

    @Inject
    PostingService posting;

    @Test
    void writesTheEntriesOfSeveralLedsInOneTransactionInTheirOrder() {
        UUID ledA = Api.createLed();
        UUID ledB = Api.createLed();
        List<PendingAppend> group = List.of(pending(ledA, EXPENSE, EQUITY, "100.00"),
                pending(ledB, EXPENSE, EQUITY, "200.00"), pending(ledA, EXPENSE, EQUITY, "300.00"),
                pending(ledA, EXPENSE, EQUITY, "400.00"), pending(ledB, EXPENSE, EQUITY, "500.00"));

        appender.write(group);

        assertEquals(List.of(1L, 1L, 2L, 3L, 2L), group.stream().map(p -> posted(p).number()).toList());
        assertEquals(1, Db.number("SELECT count(DISTINCT xmin::text) FROM journal_entry WHERE led_id IN (?, ?)",
                ledA, ledB), "one transaction wrote all five entries");
        as(Tokens.manager(ledA)).get("/api/v1/leds/" + ledA + "/accounts/" + EXPENSE).then().statusCode(200)
                .body("balance", equalTo("800.00"));
        as(Tokens.manager(ledB)).get("/api/v1/leds/" + ledB + "/accounts/" + EXPENSE).then().statusCode(200)
                .body("balance", equalTo("700.00"));
        for (UUID led : List.of(ledA, ledB)) {
            as(Tokens.manager(led)).get("/api/v1/leds/" + led + "/journal/verification").then().statusCode(200)
                    .body("valid", equalTo(true));
        }
    }

    @Test
    void refusesOverdraftsInTheOrderOnePostingAfterAnotherWould() {
        UUID led = Api.createLed();
        Api.post(led, TODAY.toString(), CASH, EQUITY, "100.00");
        List<PendingAppend> group = List.of(
                // Refused, although the group's total for cash never goes below zero.
                pending(led, EXPENSE, CASH, "150.00"),
                pending(led, CASH, EQUITY, "100.00"),
                pending(led, EXPENSE, CASH, "150.00"),
                pending(led, EXPENSE, CASH, "60.00"));

        appender.write(group);

        assertRefused(group.get(0), ProblemType.INSUFFICIENT_FUNDS);
        assertEquals(2, posted(group.get(1)).number());
        assertEquals(3, posted(group.get(2)).number());
        assertRefused(group.get(3), ProblemType.INSUFFICIENT_FUNDS);
        as(Tokens.manager(led)).get("/api/v1/leds/" + led + "/accounts/" + CASH).then().statusCode(200)
                .body("balance", equalTo("50.00"));
    }

    @Test
    void leavesAnLedWhoseJournalIsHeldToATransactionOfItsOwn() throws Exception {
        UUID busy = Api.createLed();
        UUID free = Api.createLed();
        List<PendingAppend> group = List.of(pending(busy, EXPENSE, EQUITY, "10.00"),
                pending(free, EXPENSE, EQUITY, "20.00"));
        try (Connection holder = Db.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT 1 FROM journal_head WHERE led_id = ? FOR UPDATE")) {
                lock.setObject(1, busy);
                lock.executeQuery().close();
            }
            appender.write(group);
            holder.rollback();
        }
        assertInstanceOf(AppendOutcome.PostAlone.class, group.get(0).outcome().getNow(null));
        assertEquals(1, posted(group.get(1)).number());
        assertEquals(0, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", busy));
    }

    @Test
    void settlesIdempotencyKeysAsOneRequestWould() {
        UUID led = Api.createLed();
        IdempotentRequest request = new IdempotentRequest(led, "manager.siti", "key-1", "fingerprint-a");
        PendingAppend first = keyed(led, "100.00", request);
        PendingAppend sameKeySameGroup = keyed(led, "100.00", request);
        appender.write(List.of(first, sameKeySameGroup));

        Created original = ((AppendOutcome.Posted) first.outcome().getNow(null)).answer();
        assertEquals(201, original.status());
        assertRefused(sameKeySameGroup, ProblemType.IDEMPOTENCY_IN_FLIGHT);

        PendingAppend retry = keyed(led, "100.00", request);
        PendingAppend reuse = keyed(led, "999.00",
                new IdempotentRequest(led, "manager.siti", "key-1", "fingerprint-b"));
        PendingAppend otherCaller = keyed(led, "100.00",
                new IdempotentRequest(led, "manager.ani", "key-1", "fingerprint-a"));
        appender.write(List.of(retry, otherCaller));
        appender.write(List.of(reuse));

        Created replayed = ((AppendOutcome.Replayed) retry.outcome().getNow(null)).answer();
        assertEquals(original.location(), replayed.location());
        assertEquals(true, replayed.replayed());
        assertRefused(reuse, ProblemType.IDEMPOTENCY_KEY_REUSED);
        assertEquals(2, posted(otherCaller).number());
        assertEquals(2, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led));
        assertEquals(2, Db.number("SELECT count(*) FROM idempotency_record WHERE led_id = ?", led));
    }

    @Test
    void refusesEntriesDatedInAClosedPeriod() {
        UUID led = Api.createLed();
        LocalDate yesterday = TODAY.minusDays(1);
        as(Tokens.manager(led)).body(Map.of("through", yesterday.toString()))
                .post("/api/v1/leds/" + led + "/periods/close").then().statusCode(201);
        PendingAppend closed = pending(led, yesterday, EXPENSE, EQUITY, "10.00");
        PendingAppend open = pending(led, TODAY, EXPENSE, EQUITY, "10.00");

        appender.write(List.of(closed, open));

        assertRefused(closed, ProblemType.PERIOD_CLOSED);
        assertEquals(1, posted(open).number());
    }

    @Test
    void aGroupThatFailsWritesNothingAndLeavesEachEntryToATransactionOfItsOwn() {
        UUID led = Api.createLed();
        UUID other = Api.createLed();
        PendingAppend fine = pending(led, EXPENSE, EQUITY, "10.00");
        // Names an account of another LED under this LED's code: the database refuses the statement.
        Map<String, AccountRef> foreign = new HashMap<>(accounts(led, EXPENSE, EQUITY));
        foreign.put(EXPENSE, accounts(other, EXPENSE).get(EXPENSE));
        PendingAppend broken = new PendingAppend(draft(led, TODAY, EXPENSE, EQUITY, "20.00"), foreign, "manager.siti",
                null, GroupCommitTest::answer);
        long writes = Db.writes();

        appender.write(List.of(fine, broken));

        assertEquals(writes, Db.writes());
        assertInstanceOf(AppendOutcome.PostAlone.class, fine.outcome().getNow(null));
        assertInstanceOf(AppendOutcome.PostAlone.class, broken.outcome().getNow(null));
    }

    @Test
    void refusesToGroupAnEntryInsideATransactionWhoseRollbackItWouldEscape() {
        UUID led = Api.createLed();
        EntryDraft draft = draft(led, TODAY, EXPENSE, EQUITY, "10.00");
        QuarkusTransaction.requiringNew().run(() -> assertThrows(IllegalStateException.class,
                () -> posting.postGrouped(draft, "manager.siti", null, GroupCommitTest::answer)));
        assertEquals(0, Db.number("SELECT count(*) FROM journal_entry WHERE led_id = ?", led));
    }

    // --- helpers

    private PendingAppend pending(UUID led, String debit, String credit, String amount) {
        return pending(led, TODAY, debit, credit, amount);
    }

    private PendingAppend pending(UUID led, LocalDate date, String debit, String credit, String amount) {
        return new PendingAppend(draft(led, date, debit, credit, amount), accounts(led, debit, credit),
                "manager.siti", null, GroupCommitTest::answer);
    }

    private PendingAppend keyed(UUID led, String amount, IdempotentRequest request) {
        return new PendingAppend(draft(led, TODAY, EXPENSE, EQUITY, amount), accounts(led, EXPENSE, EQUITY),
                request.subject(), request, GroupCommitTest::answer);
    }

    private static EntryDraft draft(UUID led, LocalDate date, String debit, String credit, String amount) {
        Amount value = Amount.parse(amount);
        return new EntryDraft(led, date, EntryKind.ADJUSTMENT, "Penyesuaian kelompok", null, null, List.of(
                new EntryDraft.Line(debit, Side.DEBIT, value), new EntryDraft.Line(credit, Side.CREDIT, value)));
    }

    private Map<String, AccountRef> accounts(UUID led, String... codes) {
        return catalog.resolve(led, List.of(codes));
    }

    private static Created answer(PostedEntry entry) {
        return Created.at(URI.create("/api/v1/leds/" + entry.ledId() + "/journal-entries/" + entry.id()),
                Map.of("id", entry.id().toString(), "number", entry.number()));
    }

    private static PostedEntry posted(PendingAppend pending) {
        AppendOutcome outcome = pending.outcome().getNow(null);
        return assertInstanceOf(AppendOutcome.Posted.class, outcome, () -> String.valueOf(outcome)).entry();
    }

    private static void assertRefused(PendingAppend pending, ProblemType type) {
        AppendOutcome outcome = pending.outcome().getNow(null);
        AppendOutcome.Refused refused = assertInstanceOf(AppendOutcome.Refused.class, outcome,
                () -> String.valueOf(outcome));
        assertEquals(type, refused.problem().type());
        assertNull(refused.problem().getCause());
    }
}
