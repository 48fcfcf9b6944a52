package id.lumbung.statement;

import java.util.List;
import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The languages statements are written in, and the one place that picks one from
 * {@code Accept-Language}: Indonesian unless English is preferred. A malformed header is not the
 * auditor's fault and gets Indonesian, not a 400.
 */
public enum StatementLanguage {
    ID(Locale.forLanguageTag("id")),
    EN(Locale.ENGLISH);

    private static final List<Locale> SUPPORTED = List.of(ID.locale, EN.locale);

    private final Locale locale;

    StatementLanguage(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The BCP 47 tag sent back as {@code Content-Language}. */
    public String tag() {
        return locale.toLanguageTag();
    }

    public static StatementLanguage fromHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ID;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return chosen != null && chosen.getLanguage().equals(EN.locale.getLanguage()) ? EN : ID;
        } catch (IllegalArgumentException malformed) {
            return ID;
        }
    }

    /** The shared statement words in this language. */
    public StatementMessages messages() {
        return messages(StatementMessages.class);
    }

    /** Any statement bundle in this language (Indonesian is each bundle's default). */
    public <T> T messages(Class<T> bundle) {
        return this == ID ? MessageBundles.get(bundle) : MessageBundles.get(bundle, Localized.Literal.of(tag()));
    }
}
