package id.lumbung.ledger.verification;

import static id.lumbung.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.lumbung.platform.time.Timestamps;
import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.LogCapture;
import id.lumbung.support.Metrics;
import id.lumbung.support.Problems;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The scheduled chain verification (issue 15), run by calling the job as the scheduler would: every
 * LED's result is stored, a chain changed behind the service's back is stored as broken at its first
 * broken entry, logged by LED and counted by the gauge, and the district's view and the LED's latest
 * result show what was stored. Other tests' LEDs share the database (some with chains broken on
 * purpose), so counts are compared with what the run found before, never with a fixed number.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ChainVerificationJobTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String TODAY = LocalDate.now(WIB).toString();
    private static final String FAILING = "lumbung_chain_verification_failing_leds";

    @Inject
    ChainVerificationJob job;

    @Inject
    Scheduler scheduler;

    @Test
    void storesEveryLedsResultAndNamesTheFirstBrokenEntryOfAChainChangedBehindTheServicesBack()
            throws SQLException {
        UUID district = Api.createDistrict();
        UUID intact = ledWithEntries(district, 3);
        UUID tampered = ledWithEntries(district, 3);
        UUID empty = Api.createLed(district);

        // Before any run: the LEDs are listed, none verified, nothing walked on the request.
        districtView(Tokens.districtOfficer(district), district)
                .body("failing", equalTo(0))
                .body("notVerified", equalTo(3))
                .body("leds.size()", equalTo(3))
                .body("leds.find { it.ledId == '" + intact + "' }.result", nullValue());
        latest(Tokens.auditor(intact), intact).body("ledId", equalTo(intact.toString()))
                .body("verifiedAt", nullValue()).body("result", nullValue());

        job.verifyAll(Timestamps.now());
        for (UUID led : List.of(intact, tampered, empty)) {
            assertEquals(1, Db.number("SELECT count(*) FROM chain_verification WHERE led_id = ? AND valid"
                    + " AND first_broken_number IS NULL AND last_valid_at = verified_at", led), "valid: " + led);
        }
        assertEquals(Db.text("SELECT last_hash FROM journal_head WHERE led_id = ?", tampered),
                Db.text("SELECT head_hash FROM chain_verification WHERE led_id = ?", tampered));
        assertEquals(3, Db.number("SELECT head_number FROM chain_verification WHERE led_id = ?", tampered));
        assertEquals(1, Db.number("SELECT count(*) FROM chain_verification WHERE led_id = ? AND entries = 0"
                + " AND head_number IS NULL", empty));
        String lastValid = Db.text("SELECT verified_at::text FROM chain_verification WHERE led_id = ?", tampered);
        double failingBefore = Metrics.scrape().value(FAILING);
        assertEquals(storedFailing(), failingBefore, "the gauge counts the stored broken results");

        // A balanced forgery: both sides of entry #2 grow, so only the hash can tell.
        raisePostingsOf(tampered, 2);
        String code = Db.text("SELECT code FROM led WHERE id = ?", tampered);
        ChainVerificationJob.Run run;
        try (LogCapture log = LogCapture.start()) {
            run = job.verifyAll(Timestamps.now());
            List<String> named = log.lines().stream().filter(line -> line.contains(tampered.toString())).toList();
            assertEquals(1, named.size(), () -> "one line names the broken LED: " + log.lines());
            assertTrue(named.getFirst().contains("LED " + code + " (" + tampered + ") is broken: first broken entry 2"
                    + " (hash-mismatch)"), named.getFirst());
            assertTrue(log.lines().stream().noneMatch(line -> line.contains(intact.toString())),
                    "an intact LED is not logged");
        }
        assertTrue(run.failing() >= 1 && run.verified() >= 3, run.toString());

        assertEquals(1, Db.number("SELECT count(*) FROM chain_verification WHERE led_id = ? AND NOT valid"
                + " AND first_broken_number = 2 AND reason = 'hash-mismatch'"
                + " AND entries = 2 AND head_number = 2"
                + " AND broken_since = verified_at AND last_valid_at::text = ?", tampered, lastValid));
        assertEquals(1, Db.number("SELECT count(*) FROM chain_verification WHERE led_id = ? AND valid"
                + " AND last_valid_at = verified_at AND verified_at::text > ?", intact, lastValid));
        double failingAfter = Metrics.scrape().value(FAILING);
        assertEquals(failingBefore + 1, failingAfter, "the newly broken LED is counted");
        assertEquals(storedFailing(), failingAfter);
        assertFalse(Metrics.scrape().text().contains(tampered.toString()), "no LED is a tag");

        districtView(Tokens.districtOfficer(district), district)
                .body("districtId", equalTo(district.toString()))
                .body("failing", equalTo(1))
                .body("notVerified", equalTo(0))
                .body("leds.ledId", hasItems(intact.toString(), tampered.toString(), empty.toString()))
                .body(led(tampered) + ".code", equalTo(code))
                .body(led(tampered) + ".result.valid", equalTo(false))
                .body(led(tampered) + ".result.firstBrokenNumber", equalTo(2))
                .body(led(tampered) + ".result.reason", equalTo("hash-mismatch"))
                // The walk stops at the first broken entry: what it checked, not the journal's head.
                .body(led(tampered) + ".result.entries", equalTo(2))
                .body(led(tampered) + ".result.head.number", equalTo(2))
                .body(led(tampered) + ".brokenSince", notNullValue())
                .body(led(tampered) + ".lastValidAt", notNullValue())
                .body(led(intact) + ".result.valid", equalTo(true))
                .body(led(intact) + ".brokenSince", nullValue())
                .body(led(empty) + ".result.entries", equalTo(0))
                .body(led(empty) + ".result.head", nullValue());
        // The platform admin answers the alert; so may an auditor whose scope is the district.
        districtView(Tokens.admin(), district).body("failing", equalTo(1));
        districtView(Tokens.of("auditor", "auditor.inspektorat", List.of(district), List.of()), district)
                .body("failing", equalTo(1));
        latest(Tokens.clerk(tampered), tampered)
                .body("result.valid", equalTo(false))
                .body("result.firstBrokenNumber", equalTo(2));

        // Another district's officer, and this LED's own roles, whose tokens name no district: 404.
        UUID otherDistrict = Api.createDistrict();
        refused(Tokens.districtOfficer(otherDistrict), "/api/v1/districts/" + district + "/journal-verifications",
                404, "not-found");
        refused(Tokens.manager(tampered), "/api/v1/districts/" + district + "/journal-verifications", 404,
                "not-found");
        // A role of the district that may not read it: 403; another LED's reader and a trainer: as verifyJournal.
        refused(Tokens.of("trainer", "trainer.yusuf", List.of(district), List.of()),
                "/api/v1/districts/" + district + "/journal-verifications", 403, "forbidden");
        refused(Tokens.auditor(intact), "/api/v1/leds/" + tampered + "/journal/verification/latest", 404, "not-found");
        refused(Tokens.trainer(tampered), "/api/v1/leds/" + tampered + "/journal/verification/latest", 403,
                "forbidden");
    }

    @Test
    void leavesAnLedToTheInstanceThatHoldsItsLockAndDoesNotRepeatOneVerifiedThisRound() throws SQLException {
        UUID led = ledWithEntries(Api.createDistrict(), 2);
        try (Connection other = Db.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, VerificationRecorder.lockId(led));
                lock.execute();
            }
            ChainVerificationJob.Run run = job.verifyAll(Timestamps.now());
            assertTrue(run.skipped() >= 1, run.toString());
            assertEquals(0, Db.number("SELECT count(*) FROM chain_verification WHERE led_id = ?", led),
                    "the LED is left to the instance verifying it");
            other.rollback();
        }

        Instant round = Timestamps.now();
        job.verifyAll(round);
        String verifiedAt = Db.text("SELECT verified_at::text FROM chain_verification WHERE led_id = ?", led);
        assertNotNull(verifiedAt);
        // A second replica firing for the same round finds the LED done and leaves the stored result alone.
        ChainVerificationJob.Run again = job.verifyAll(round);
        assertEquals(verifiedAt, Db.text("SELECT verified_at::text FROM chain_verification WHERE led_id = ?", led));
        assertTrue(again.skipped() >= 1, again.toString());
    }

    @Test
    void isScheduledNightlyAtHalfPastOneInTheLedsZone() {
        var trigger = scheduler.getScheduledJob("chain-verification");
        assertNotNull(trigger, "the job is scheduled (the test profile only turns the run itself off)");
        Instant next = trigger.getNextFireTime();
        assertEquals(LocalTime.of(1, 30), next.atZone(WIB).toLocalTime(), next.toString());
        assertTrue(next.isAfter(Instant.now()) && next.isBefore(Instant.now().plusSeconds(86_401)), next.toString());
    }

    // --- helpers

    private static UUID ledWithEntries(UUID district, int count) {
        UUID led = Api.createLed(district);
        for (int i = 1; i <= count; i++) {
            Api.post(led, TODAY, "1-1100", "3-1200", i + "000.00");
        }
        return led;
    }

    private static ValidatableResponse districtView(String token, UUID district) {
        return as(token).get("/api/v1/districts/" + district + "/journal-verifications")
                .then().statusCode(200).contentType("application/json");
    }

    private static ValidatableResponse latest(String token, UUID led) {
        return as(token).get("/api/v1/leds/" + led + "/journal/verification/latest").then().statusCode(200)
                .contentType("application/json");
    }

    private static void refused(String token, String path, int status, String slug) {
        Problems.assertProblem(as(token).get(path), status, slug);
    }

    private static String led(UUID id) {
        return "leds.find { it.ledId == '" + id + "' }";
    }

    private static long storedFailing() {
        return Db.number("SELECT count(*) FROM chain_verification WHERE NOT valid");
    }

    /**
     * Raises both postings of an entry by 1,000 as the table's owner would: the immutability trigger
     * off and UPDATE granted for this one statement, both put back in the same transaction.
     */
    private static void raisePostingsOf(UUID led, int entry) throws SQLException {
        try (Connection owner = Db.connect()) {
            owner.setAutoCommit(false);
            execute(owner, "ALTER TABLE posting DISABLE TRIGGER posting_immutable");
            execute(owner, "GRANT UPDATE ON posting TO CURRENT_USER");
            try (PreparedStatement update = owner.prepareStatement(
                    "UPDATE posting SET amount = amount + 1000 WHERE led_id = ? AND entry_number = ?")) {
                update.setObject(1, led);
                update.setInt(2, entry);
                assertEquals(2, update.executeUpdate());
            }
            execute(owner, "ALTER TABLE posting ENABLE TRIGGER posting_immutable");
            execute(owner, "REVOKE UPDATE ON posting FROM CURRENT_USER");
            owner.commit();
        }
        assertEquals(0, Db.number("SELECT has_table_privilege('posting', 'UPDATE')::int"));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
