package id.lumbung.platform.validation;

/**
 * Patterns for free text that Bean Validation checks and the contract publishes. A contract pattern
 * is an ECMA-262 regular expression that searches (an unanchored {@code [^…]*} matches anything), while
 * {@code @Pattern} matches the whole value in {@code java.util.regex}; every pattern here is therefore
 * anchored with {@code ^…$} and written in the syntax the two dialects share, so that every client
 * generator refuses exactly what the service refuses (PatternPortabilityTest proves it in both engines).
 */
public final class Text {

    /**
     * One line of ordinary text: no character of Unicode's control category Cc, that is no C0 control
     * (U+0000 to U+001F: no tab, no line break), no DEL (U+007F) and no C1 control (U+0080 to U+009F).
     * C1 controls are refused too: nobody types them, and they arrive only from text decoded with the
     * wrong charset (Windows-1252 quotes read as Latin-1), which an auditor could not read back. The
     * controls are written as {@code \\u} escapes, which java.util.regex and ECMA-262 (with or without
     * the {@code u} flag) read alike; Java's {@code \p{Cntrl}} has no ECMA-262 equivalent.
     */
    public static final String NO_CONTROL_CHARACTERS = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";

    private Text() {
    }
}
