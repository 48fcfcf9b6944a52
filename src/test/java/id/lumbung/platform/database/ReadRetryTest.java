package id.lumbung.platform.database;

import static id.lumbung.support.Api.as;
import static id.lumbung.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.lumbung.ledger.account.AccountResource;
import id.lumbung.support.Api;
import id.lumbung.support.Db;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A connection killed between borrow and use, on the real PostgreSQL ({@link ConnectionKiller}): a
 * read is answered from a fresh connection, a write answers 503 and is not repeated.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class ReadRetryTest {

    @Inject
    ConnectionKiller killer;

    @Inject
    MeterRegistry registry;

    @Inject
    BeanManager beans;

    @AfterEach
    void disarm() {
        killer.disarm();
    }

    @Test
    void aReadWhoseConnectionWasKilledIsAnsweredFromAFreshOne() throws InterruptedException {
        UUID led = Api.createLed();
        String manager = Tokens.manager(led);
        String path = "/api/v1/leds/" + led + "/accounts";
        String unharmed = as(manager).get(path).then().statusCode(200).extract().asString();
        double succeeded = retries("succeeded");
        double failed = retries("failed");
        Set<Integer> killedBefore = killer.killed();

        killer.arm(AccountResource.class, 1);
        Response read = as(manager).get(path);

        read.then().statusCode(200);
        assertEquals(unharmed, read.asString(), "the retried read answered other data");
        int pid = killedOnce(killedBefore);
        assertEquals(succeeded + 1, retries("succeeded"));
        assertEquals(failed, retries("failed"));
        // The pool takes the dead connection out when the first attempt gives it back (its PostgreSQL exception
        // sorter flags SQL state class 08), rather than keeping it for validation on the next borrow to find;
        // it closes it on its own thread, so the test waits for that (a kept connection is never closed).
        assertTrue(killer.destroyedWithin(pid, Duration.ofSeconds(5)), "the pool kept the killed connection " + pid);
    }

    @Test
    void aWriteWhoseConnectionWasKilledAnswers503AndIsNotRepeated() {
        UUID led = Api.createLed();
        String manager = Tokens.manager(led);
        double succeeded = retries("succeeded");
        double failed = retries("failed");
        long writes = Db.writes();
        Set<Integer> killedBefore = killer.killed();

        killer.arm(AccountResource.class, 1);
        // Without an Idempotency-Key: a retry by the service would post it for good.
        Response write = as(manager).body(Map.of("code", "5-1400", "name", "Beban Transportasi Lapangan",
                "type", "EXPENSE", "noNegative", false, "parentCode", "5-1100"))
                .post("/api/v1/leds/" + led + "/accounts");

        assertProblem(write, 503, "database-unavailable");
        killedOnce(killedBefore);
        assertEquals(writes, Db.writes(), "a write refused with 503 wrote rows");
        assertEquals(succeeded, retries("succeeded"));
        assertEquals(failed, retries("failed"));
        as(manager).get("/api/v1/leds/" + led + "/accounts/5-1400").then().statusCode(404);
    }

    @Test
    void aReadIsRetriedOnlyOnce() {
        UUID led = Api.createLed();
        String manager = Tokens.manager(led);
        double failed = retries("failed");
        Set<Integer> killedBefore = killer.killed();

        // Every connection the resource borrows dies: the first attempt and its one retry, and no more.
        killer.arm(AccountResource.class, 5);
        Response read = as(manager).get("/api/v1/leds/" + led + "/accounts");

        assertProblem(read, 503, "database-unavailable");
        assertEquals(2, killer.killed().stream().filter(pid -> !killedBefore.contains(pid)).count(),
                "not one attempt and one retry");
        assertEquals(failed + 1, retries("failed"));
    }

    /** Every JAX-RS resource is bound to the retry, so a new one cannot be forgotten. */
    @Test
    void everyResourceRetriesItsReads() {
        List<Class<?>> resources = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(Bean::getBeanClass)
                .filter(type -> type.isAnnotationPresent(Path.class))
                .distinct()
                .toList();
        assertTrue(resources.size() > 20, "found only " + resources);
        List<Class<?>> unbound = resources.stream().filter(type -> !type.isAnnotationPresent(RetriesReads.class))
                .toList();
        assertTrue(unbound.isEmpty(), "resources without @RetriesReads: " + unbound);
    }

    /** The one backend the killer ended during the request. */
    private int killedOnce(Set<Integer> before) {
        List<Integer> now = killer.killed().stream().filter(pid -> !before.contains(pid)).toList();
        assertEquals(1, now.size(), "the fault was not injected exactly once: " + now);
        return now.get(0);
    }

    private double retries(String outcome) {
        Counter counter = registry.find("lumbung.read.retries").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
