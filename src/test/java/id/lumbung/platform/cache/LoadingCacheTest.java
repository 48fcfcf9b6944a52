package id.lumbung.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A caller never waits for another caller's load, and a load that overlaps a change is not kept. */
class LoadingCacheTest {

    /** Threads of their own: the common pool may have a single one on a small machine. */
    private final ExecutorService callers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aSecondCallerDoesNotWaitForASlowLoad() throws Exception {
        CountDownLatch firstLoading = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        LoadingCache<String, String> cache = new LoadingCache<>(Duration.ofMinutes(1), 10, key -> {
            if (loads.incrementAndGet() == 1) {
                // The first load stands for a caller waiting for a pool connection.
                firstLoading.countDown();
                await(releaseFirst);
                return "first";
            }
            return "second";
        });
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> cache.get("led"), callers);
        assertTrue(firstLoading.await(5, TimeUnit.SECONDS));
        // Caffeine's get(key, loader) would block here until the first load finished: the knot that held
        // transactions (and their connections) behind a caller waiting for a connection.
        String second = CompletableFuture.supplyAsync(() -> cache.get("led"), callers).get(5, TimeUnit.SECONDS);
        assertEquals("second", second);
        releaseFirst.countDown();
        assertEquals("first", first.get(5, TimeUnit.SECONDS));
        // The value stored first stays; later callers read it without loading.
        assertEquals("second", cache.get("led"));
        assertEquals(2, loads.get());
    }

    @Test
    void aLoadOverlappingAnInvalidationIsNotKept() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger version = new AtomicInteger(1);
        AtomicInteger loads = new AtomicInteger();
        LoadingCache<String, Integer> cache = new LoadingCache<>(Duration.ofMinutes(1), 10, key -> {
            int read = version.get();
            if (loads.incrementAndGet() == 1) {
                loading.countDown();
                await(release);
            }
            return read;
        });
        CompletableFuture<Integer> stale = CompletableFuture.supplyAsync(() -> cache.get("led"), callers);
        assertTrue(loading.await(5, TimeUnit.SECONDS));
        version.set(2); // the settings change while the first load is under way
        cache.invalidate("led");
        release.countDown();
        assertEquals(1, stale.get(5, TimeUnit.SECONDS)); // its caller raced the change and saw the old value
        assertEquals(2, cache.get("led")); // but it was not kept: the next read sees the change
    }

    @Test
    void aHitDoesNotLoad() {
        AtomicInteger loads = new AtomicInteger();
        LoadingCache<String, Integer> cache = new LoadingCache<>(Duration.ofMinutes(1), 10,
                key -> loads.incrementAndGet());
        assertEquals(1, cache.get("led"));
        assertEquals(1, cache.get("led"));
        cache.invalidate("led");
        assertEquals(2, cache.get("led"));
        assertEquals(2, loads.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
