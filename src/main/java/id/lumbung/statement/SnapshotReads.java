package id.lumbung.statement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;

/**
 * One statement's view of an LED's books: a {@code REPEATABLE READ, READ ONLY} transaction whose
 * first query reads the chain head. Every later query of the same statement sees exactly the entries
 * up to that head, however many are posted meanwhile, so a printed figure always ties back to the
 * hash printed beside it.
 */
public final class SnapshotReads {

    private static final String IDENTITY = """
            SELECT h.last_number, h.last_hash, l.code, l.name, l.village, d.code, d.name
              FROM journal_head h
              JOIN led l ON l.id = h.led_id
              JOIN district d ON d.id = l.district_id
             WHERE h.led_id = ?""";

    private final Connection connection;
    private final UUID ledId;
    private final LedIdentity led;
    private final ChainHead head;
    private final OffsetDateTime generatedAt;

    SnapshotReads(Connection connection, UUID ledId, OffsetDateTime generatedAt) throws SQLException {
        this.connection = connection;
        this.ledId = ledId;
        this.generatedAt = generatedAt;
        try (PreparedStatement statement = connection.prepareStatement(IDENTITY)) {
            statement.setObject(1, ledId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new ApiException(ProblemType.NOT_FOUND, "no such LED");
                }
                head = new ChainHead(rs.getLong(1), rs.getString(2));
                led = new LedIdentity(ledId, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7));
            }
        }
    }

    /** The snapshot's connection: every query of the statement runs on it, never on another. */
    public Connection connection() {
        return connection;
    }

    public UUID ledId() {
        return ledId;
    }

    public LedIdentity led() {
        return led;
    }

    public ChainHead head() {
        return head;
    }

    /** The balances of the LED's accounts, read inside this snapshot. */
    public AccountBalances balances() {
        return new AccountBalances(connection, ledId);
    }

    /** The header of a point-in-time statement (trial balance, balance sheet, notes). */
    public StatementHeader pointInTime(String statement, String title, LocalDate asOf, StatementMessages labels) {
        return new StatementHeader(statement, title, led, asOf, null, null, labels.basis(), labels.currency(),
                generatedAt, head, head.number());
    }

    /** The header of a period statement (income statement, cash flow, equity changes, ledgers). */
    public StatementHeader period(String statement, String title, LocalDate from, LocalDate to,
            StatementMessages labels) {
        return new StatementHeader(statement, title, led, null, from, to, labels.basis(), labels.currency(),
                generatedAt, head, head.number());
    }
}
