package id.lumbung.statement.equity;

import id.lumbung.ledger.EntryKind;

/**
 * The kinds of movement the statement of changes in equity shows, in its order: what an auditor asks
 * of equity is where it came from (opening balances taken over at go-live, grants, the community's
 * capital, the year's surplus) and where it went (closed, allocated by the village assembly).
 */
public enum EquityMovementKind {
    OPENING_BALANCES,
    GRANTS,
    CONTRIBUTIONS,
    /** Income less expenses of the period, the closing entry left out: only the unclosed-surplus row has it. */
    PERIOD_SURPLUS,
    SURPLUS_CLOSED,
    SURPLUS_ALLOCATIONS,
    OTHER;

    /**
     * The movement kind of an entry's equity postings. A reversal counts under the kind of the entry
     * it reverses (the service passes that kind), so a reversed grant nets to nothing under grants
     * instead of showing as a grant and an "other" of the opposite sign.
     */
    public static EquityMovementKind of(EntryKind kind) {
        return switch (kind) {
            case OPENING_BALANCE -> OPENING_BALANCES;
            case GRANT -> GRANTS;
            case CONTRIBUTION -> CONTRIBUTIONS;
            case CLOSING -> SURPLUS_CLOSED;
            case SURPLUS_ALLOCATION -> SURPLUS_ALLOCATIONS;
            default -> OTHER;
        };
    }

    String label(EquityMessages labels) {
        return switch (this) {
            case OPENING_BALANCES -> labels.movementOpeningBalances();
            case GRANTS -> labels.movementGrants();
            case CONTRIBUTIONS -> labels.movementContributions();
            case PERIOD_SURPLUS -> labels.movementPeriodSurplus();
            case SURPLUS_CLOSED -> labels.movementSurplusClosed();
            case SURPLUS_ALLOCATIONS -> labels.movementSurplusAllocations();
            case OTHER -> labels.movementOther();
        };
    }
}
