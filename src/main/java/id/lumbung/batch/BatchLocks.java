package id.lumbung.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Locks, before an atomic batch decides anything, every business row its operations will lock:
 * the loans it repays (a KUB group loan's shares too) in the order of their ids, then the members'
 * savings rows in the order of the members' ids. A single request locks its business rows and
 * then the LED's journal head; an atomic batch holds the journal head from its first posting to its
 * commit, so without this it would take a loan's row while holding the head that a single
 * repayment of that loan, holding the row, waits for: a deadlock. Taken first, in one order, the
 * rows make racing batches and single requests queue instead.
 */
@ApplicationScoped
class BatchLocks {

    private static final String LOANS = """
            SELECT 1 FROM loan WHERE led_id = ? AND (id = ANY (?) OR group_loan_id = ANY (?)) ORDER BY id FOR UPDATE""";
    private static final String SAVINGS = """
            SELECT 1 FROM member_savings WHERE led_id = ? AND member_id = ANY (?) ORDER BY member_id FOR UPDATE""";

    private final DataSource dataSource;

    BatchLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Locks the rows the operations name, in the caller's transaction. Ids that are not UUIDs are left out. */
    void lock(UUID ledId, List<BatchOperation> operations) {
        Set<UUID> loans = new LinkedHashSet<>();
        Set<UUID> groupLoans = new LinkedHashSet<>();
        Set<UUID> members = new LinkedHashSet<>();
        for (BatchOperation operation : operations) {
            JsonNode fields = operation.fields();
            switch (fields.path("op").asText()) {
                case "REPAYMENT" -> add(loans, fields.path("loanId"));
                case "GROUP_REPAYMENT" -> add(groupLoans, fields.path("loanId"));
                case "SAVINGS_DEPOSIT", "SAVINGS_WITHDRAWAL", "CONTRIBUTION" -> add(members, fields.path("memberId"));
                default -> {
                }
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!loans.isEmpty() || !groupLoans.isEmpty()) {
                try (PreparedStatement statement = connection.prepareStatement(LOANS)) {
                    statement.setObject(1, ledId);
                    statement.setArray(2, connection.createArrayOf("uuid", loans.toArray()));
                    statement.setArray(3, connection.createArrayOf("uuid", groupLoans.toArray()));
                    statement.executeQuery().close();
                }
            }
            if (!members.isEmpty()) {
                try (PreparedStatement statement = connection.prepareStatement(SAVINGS)) {
                    statement.setObject(1, ledId);
                    statement.setArray(2, connection.createArrayOf("uuid", members.toArray()));
                    statement.executeQuery().close();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("locking a batch's rows failed: SQL state " + e.getSQLState(), e);
        }
    }

    private static void add(Set<UUID> ids, JsonNode id) {
        if (id.isTextual()) {
            try {
                UUID parsed = UUID.fromString(id.asText());
                // UUID.fromString takes ids a digit short; only the canonical form names a row.
                if (parsed.toString().equalsIgnoreCase(id.asText())) {
                    ids.add(parsed);
                }
            } catch (IllegalArgumentException notAnId) {
                // Not a row: the operation is refused when its turn comes.
            }
        }
    }
}
