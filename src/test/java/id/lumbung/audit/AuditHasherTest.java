package id.lumbung.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The audit hash and the canonical change set, without a database. */
class AuditHasherTest {

    private static final UUID LED = UUID.fromString("0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6b");
    private static final Instant AT = Instant.parse("2026-04-15T03:12:45.123456Z");

    private static AuditEvent event(String resourceId, String changes, String detail) {
        return new AuditEvent(LED, 7, AT, "manager.siti", "led-manager", "member.updated", "member", resourceId,
                changes, Outcome.DONE, detail, null, AuditHasher.GENESIS);
    }

    @Test
    void theHashIsStableAndCoversEveryField() {
        AuditEvent base = event("m-1", "{}", null);
        String hash = AuditHasher.hash(base);
        assertEquals(64, hash.length());
        assertEquals(hash, AuditHasher.hash(event("m-1", "{}", null)));
        assertNotEquals(hash, AuditHasher.hash(event("m-2", "{}", null)));
        assertNotEquals(hash, AuditHasher.hash(event("m-1", "{\"a\":{\"old\":null,\"new\":\"1\"}}", null)));
        assertNotEquals(hash, AuditHasher.hash(new AuditEvent(LED, 7, AT.plusNanos(1000), "manager.siti",
                "led-manager", "member.updated", "member", "m-1", "{}", Outcome.DONE, null, null,
                AuditHasher.GENESIS)));
        assertNotEquals(hash, AuditHasher.hash(new AuditEvent(LED, 7, AT, "manager.siti", "led-manager",
                "member.updated", "member", "m-1", "{}", Outcome.REFUSED, null, null, AuditHasher.GENESIS)));
        assertNotEquals(hash, AuditHasher.hash(new AuditEvent(LED, 7, AT, "manager.siti", "led-manager",
                "member.updated", "member", "m-1", "{}", Outcome.DONE, null, null, "1".repeat(64))));
    }

    @Test
    void aNullNeverHashesLikeAnEmptyText() {
        assertNotEquals(AuditHasher.hash(event(null, "{}", null)), AuditHasher.hash(event("", "{}", null)));
        assertNotEquals(AuditHasher.hash(event("m-1", "{}", null)), AuditHasher.hash(event("m-1", "{}", "")));
    }

    @Test
    void changesAreCanonicalAndLeaveOutWhatStayedTheSame() {
        String json = Changes.of().field("phone", "0812", "0813").field("hamlet", "Dusun II", "Dusun III")
                .field("name", "Siti", "Siti").field("groupId", null, null).json();
        assertEquals("{\"hamlet\":{\"old\":\"Dusun II\",\"new\":\"Dusun III\"},"
                + "\"phone\":{\"old\":\"0812\",\"new\":\"0813\"}}", json);
        assertTrue(Changes.of().field("a", 1, 1).isEmpty());
        assertEquals("{\"a\":{\"old\":null,\"new\":\"1\"}}", Changes.of().field("a", null, 1).json());
    }

    @Test
    void aNikKeepsOnlyItsLastFourDigits() {
        String json = Changes.of().nik("nik", null, "1406014507900003").json();
        assertEquals("{\"nik\":{\"old\":null,\"new\":\"************0003\"}}", json);
        assertEquals(null, Changes.maskNik(null));
    }
}
