package id.lumbung.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.lumbung.ledger.EntryKind;
import id.lumbung.statement.equity.EquityMovementKind;

/** Which movement of the statement of changes in equity each journal entry kind is, without a database. */
class EquityMovementKindTest {

    @Test
    void eachEntryKindHasItsMovementAndEveryOtherKindIsOther() {
        Map<EntryKind, EquityMovementKind> named = new EnumMap<>(EntryKind.class);
        named.put(EntryKind.OPENING_BALANCE, EquityMovementKind.OPENING_BALANCES);
        named.put(EntryKind.GRANT, EquityMovementKind.GRANTS);
        named.put(EntryKind.CONTRIBUTION, EquityMovementKind.CONTRIBUTIONS);
        named.put(EntryKind.CLOSING, EquityMovementKind.SURPLUS_CLOSED);
        named.put(EntryKind.SURPLUS_ALLOCATION, EquityMovementKind.SURPLUS_ALLOCATIONS);
        for (EntryKind kind : EntryKind.values()) {
            assertEquals(named.getOrDefault(kind, EquityMovementKind.OTHER), EquityMovementKind.of(kind),
                    kind.name());
        }
    }
}
