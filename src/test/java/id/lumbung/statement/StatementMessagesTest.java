package id.lumbung.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import id.lumbung.statement.equity.EquityMessages;
import id.lumbung.statement.ledger.LedgerMessages;
import id.lumbung.statement.notes.NotesMessages;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every statement label exists in both languages: each bundle method (its Indonesian default in the
 * annotation) has an English line, and no English line is left over from a removed label.
 */
class StatementMessagesTest {

    /** Every statement message bundle; a new statement adds its bundle here. */
    static final List<Class<?>> BUNDLES = List.of(StatementMessages.class, LedgerMessages.class,
            EquityMessages.class, NotesMessages.class);

    @Test
    void everyKeyIsInBothLanguages() throws Exception {
        for (Class<?> bundle : BUNDLES) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Set<String> keys = new TreeSet<>();
            for (Method method : bundle.getDeclaredMethods()) {
                keys.add(method.getName());
            }
            Properties english = new Properties();
            try (InputStream in = bundle.getResourceAsStream("/messages/" + name + "_en.properties")) {
                english.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertEquals(keys, new TreeSet<>(english.stringPropertyNames()), name + ": Indonesian vs English keys");
        }
    }
}
