package id.lumbung.statement.notes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import id.lumbung.money.Amount;
import id.lumbung.statement.ChainHead;

/**
 * The notes' lists read on the statement's snapshot connection: grants and period closes are
 * written in the same transaction as their journal entry or the head they record, so reading them
 * in the snapshot keeps them in step with the chain head the notes print.
 */
final class NotesQueries {

    /** A grant counts as reversed once its entry's reversal is dated by the day. */
    private static final String GRANTS = """
            SELECT g.source, g.decree_number, g.amount, g.received_on, r.id IS NOT NULL
              FROM district_grant g
              LEFT JOIN journal_entry r ON r.led_id = g.led_id AND r.reverses_id = g.entry_id
                                       AND r.effective_date <= ?
             WHERE g.led_id = ? AND g.received_on <= ?
             ORDER BY g.received_on, g.recorded_at, g.id""";

    private static final String PERIOD_CLOSES = """
            SELECT through, closed_at, chain_number, chain_hash
              FROM period_close
             WHERE led_id = ? AND through <= ?
             ORDER BY through""";

    private NotesQueries() {
    }

    static NotesSections.Grants grants(Connection connection, UUID ledId, LocalDate asOf) throws SQLException {
        List<NotesSections.Grant> grants = new ArrayList<>();
        Amount total = Amount.ZERO;
        try (PreparedStatement statement = connection.prepareStatement(GRANTS)) {
            statement.setObject(1, asOf);
            statement.setObject(2, ledId);
            statement.setObject(3, asOf);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    NotesSections.Grant grant = new NotesSections.Grant(rs.getString(1), rs.getString(2),
                            Amount.of(rs.getBigDecimal(3)), rs.getObject(4, LocalDate.class), rs.getBoolean(5));
                    grants.add(grant);
                    if (!grant.reversed()) {
                        total = total.plus(grant.amount());
                    }
                }
            }
        }
        return new NotesSections.Grants(grants, total);
    }

    static List<NotesSections.PeriodClose> periodCloses(Connection connection, UUID ledId, LocalDate asOf)
            throws SQLException {
        List<NotesSections.PeriodClose> closes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PERIOD_CLOSES)) {
            statement.setObject(1, ledId);
            statement.setObject(2, asOf);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    closes.add(new NotesSections.PeriodClose(rs.getObject(1, LocalDate.class),
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            new ChainHead(rs.getLong(3), rs.getString(4))));
                }
            }
        }
        return closes;
    }
}
