package id.lumbung.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an audited write changed: {@code {field: {old, new}}}, each value as text (money as its
 * decimal string, ids, dates, enum names) or null. A field whose value did not change is left out.
 * Written as canonical JSON (fields sorted, {@code old} before {@code new}), which is what the
 * audit hash covers.
 */
public final class Changes {

    /** A mapper of its own, so the canonical form never follows the application's JSON settings. */
    private static final ObjectMapper CANONICAL = new ObjectMapper();
    private static final int NIK_VISIBLE_DIGITS = 4;

    private final Map<String, Map<String, String>> fields = new TreeMap<>();

    private Changes() {
    }

    public static Changes of() {
        return new Changes();
    }

    /** Records {@code field} going from {@code old} to {@code now}, unless both render the same. */
    public Changes field(String field, Object old, Object now) {
        String before = text(old);
        String after = text(now);
        if (before == null ? after != null : !before.equals(after)) {
            Map<String, String> change = new LinkedHashMap<>();
            change.put("old", before);
            change.put("new", after);
            fields.put(field, change);
        }
        return this;
    }

    /**
     * Records a NIK masked to its last four digits. The audit trail can never be edited or
     * erased, so it keeps the least personal data that still tells registrations apart: neither the
     * NIK nor a hash of it (16 digits with a known structure are found again from an unkeyed hash by
     * trying them all), only what a receipt would show.
     */
    public Changes nik(String field, String old, String now) {
        return field(field, maskNik(old), maskNik(now));
    }

    static String maskNik(String nik) {
        if (nik == null) {
            return null;
        }
        int visible = Math.min(NIK_VISIBLE_DIGITS, nik.length());
        return "*".repeat(nik.length() - visible) + nik.substring(nik.length() - visible);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The canonical JSON stored and hashed. */
    String json() {
        try {
            return CANONICAL.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
