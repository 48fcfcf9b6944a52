package id.lumbung.platform.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A small per-LED cache of what is read on every request (settings, time zone), whose loader reads
 * the database. Unlike Caffeine's {@code get(key, loader)}, a caller never waits for another caller's
 * load: the loader runs outside the cache's lock, and a miss seen by several callers at once is read
 * by each of them.
 *
 * <p>Why: {@code get(key, loader)} loads inside {@code ConcurrentHashMap.compute}, so every caller of
 * that key blocks on the map while one loads. Callers inside a transaction hold a pool connection as
 * they block; when they hold them all, the loading caller (outside any transaction) waits for a
 * connection that none of them can give back. The pool's acquisition timeout broke each such knot
 * after 5 s, one caller at a time: under 64 clients, right after a restart and whenever an entry
 * expired, requests queued for up to a minute and ran into the transaction timeout (found by
 * {@code scripts/chaos/crash-under-load.sh}). A duplicate read of one small row costs far less.
 *
 * <p>A load that overlaps {@link #invalidate} is returned to its caller but not kept, so a change
 * made on this replica is seen by the next read here; other replicas see it once the entry expires.
 */
public final class LoadingCache<K, V> {

    private final Cache<K, V> cache;
    private final Function<K, V> loader;
    /** Moves on every invalidation; a load that saw another value may not store its result. */
    private final AtomicLong invalidations = new AtomicLong();

    /** Values kept for {@code keep} after they were read. */
    public LoadingCache(Duration keep, long maximumSize, Function<K, V> loader) {
        this(Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(keep).build(), loader);
    }

    /** Values that never change once they exist (a loan product's terms): kept until evicted by size. */
    public LoadingCache(long maximumSize, Function<K, V> loader) {
        this(Caffeine.newBuilder().maximumSize(maximumSize).build(), loader);
    }

    private LoadingCache(Cache<K, V> cache, Function<K, V> loader) {
        this.cache = cache;
        this.loader = Objects.requireNonNull(loader);
    }

    /** The cached value, or a fresh one read by this caller (never by waiting for another). */
    public V get(K key) {
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long seen = invalidations.get();
        V loaded = Objects.requireNonNull(loader.apply(key), "loader returned null");
        if (invalidations.get() == seen) {
            cache.asMap().putIfAbsent(key, loaded);
        }
        return loaded;
    }

    /** Forgets the key after its value changed; loads already running for it are not kept either. */
    public void invalidate(K key) {
        invalidations.incrementAndGet();
        cache.invalidate(key);
    }
}
