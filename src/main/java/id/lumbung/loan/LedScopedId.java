package id.lumbung.loan;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The (led_id, id) key every LED-owned loan table leads with (DESIGN §1). */
public class LedScopedId implements Serializable {

    public UUID ledId;
    public UUID id;

    public LedScopedId() {
    }

    public LedScopedId(UUID ledId, UUID id) {
        this.ledId = ledId;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedScopedId other && Objects.equals(ledId, other.ledId) && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ledId, id);
    }
}
