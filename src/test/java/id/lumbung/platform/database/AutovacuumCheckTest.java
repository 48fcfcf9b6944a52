package id.lumbung.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class AutovacuumCheckTest {

    @Inject
    AutovacuumCheck check;

    @Test
    void readsTheServersAutovacuumSetting() {
        boolean on = Db.number("SELECT CASE WHEN current_setting('autovacuum') = 'on' THEN 1 ELSE 0 END") == 1;
        assertEquals(on, check.autovacuumOn());
    }
}
