package id.lumbung.loan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.opentest4j.AssertionFailedError;

/**
 * Seeded-random cases for the loan property tests, with JUnit 5 only: case k of a property is drawn from a
 * {@link Random} seeded from the property's fixed base seed plus k, so every run draws the same cases, and a
 * failure names the case seed and its inputs. {@code -Dlumbung.case.seed=<seed>} runs only that case.
 *
 * <p>There is no shrinking: a failure reports the case as drawn, not a smallest one.
 */
public final class SeededCases {

    /** The system property that, set to a case seed, replays only that case of every property. */
    public static final String REPLAY = "lumbung.case.seed";

    private SeededCases() {
    }

    /** One drawn case: the seed it was drawn from and its inputs, which every assertion message names. */
    public record Case<T>(long seed, T inputs) {

        /** A message naming this case, then {@code what}. */
        public Supplier<String> says(String what) {
            return () -> prefix() + what;
        }

        /** A message naming this case, then {@code what}, computed only if the assertion fails. */
        public Supplier<String> says(Supplier<String> what) {
            return () -> prefix() + what.get();
        }

        private String prefix() {
            return "case seed " + seed + " (replay with -D" + REPLAY + "=" + seed + "), inputs " + inputs + ": ";
        }
    }

    /**
     * Checks {@code property} on {@code tries} cases, case k drawn by {@code draw} from seed
     * {@code baseSeed + k} — or on the one case {@link #REPLAY} names. An exception other than a failed
     * assertion fails the case too, named like an assertion.
     */
    public static <T> void forAll(long baseSeed, int tries, Function<Random, T> draw,
            BiConsumer<T, Case<T>> property) {
        String replay = System.getProperty(REPLAY);
        if (replay != null && !replay.isBlank()) {
            check(Long.parseLong(replay.strip()), draw, property);
            return;
        }
        for (int k = 0; k < tries; k++) {
            check(baseSeed + k, draw, property);
        }
    }

    private static <T> void check(long seed, Function<Random, T> draw, BiConsumer<T, Case<T>> property) {
        T inputs = draw.apply(random(seed));
        Case<T> c = new Case<>(seed, inputs);
        try {
            property.accept(inputs, c);
        } catch (RuntimeException e) {
            throw new AssertionFailedError(c.says("threw " + e).get(), e);
        }
    }

    /**
     * The random source of one case. Consecutive seeds give {@link Random} nearly equal first values (the
     * first {@code nextDouble()} of 1,000 consecutive seeds falls in a tenth of [0, 1)), so the case seed is
     * spread by SplitMix64 before it seeds the {@code Random}; the same case seed still draws the same case.
     */
    public static Random random(long seed) {
        return new Random(new SplittableRandom(seed).nextLong());
    }

    /** One of {@code values}, each as likely. */
    @SafeVarargs
    public static <T> T oneOf(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    /** One of an enum's constants, each as likely. */
    public static <E extends Enum<E>> E oneOf(Random r, Class<E> type) {
        return oneOf(r, type.getEnumConstants());
    }

    /** An int from {@code min} to {@code max}, both included, each as likely. */
    public static int between(Random r, int min, int max) {
        return min + r.nextInt(max - min + 1);
    }

    /**
     * A decimal from {@code min} to {@code max}, both included, with {@code scale} decimals. As a property
     * engine would, it favours the edges and small values: 1 in 20 is {@code min}, 1 in 20 is {@code max},
     * half the rest spread evenly over the range, the other half within a random number of digits of
     * {@code min} (so each order of magnitude of the range is drawn about as often).
     */
    public static BigDecimal decimal(Random r, String min, String max, int scale) {
        long lo = new BigDecimal(min).movePointRight(scale).longValueExact();
        long hi = new BigDecimal(max).movePointRight(scale).longValueExact();
        long span = hi - lo;
        int pick = r.nextInt(20);
        long unscaled;
        if (pick == 0) {
            unscaled = lo;
        } else if (pick == 1) {
            unscaled = hi;
        } else if (pick < 11) {
            unscaled = lo + r.nextLong(span + 1);
        } else {
            int digits = 1 + r.nextInt(Long.toString(span).length());
            unscaled = lo + r.nextLong(Math.min(span, (long) Math.pow(10, digits) - 1) + 1);
        }
        return BigDecimal.valueOf(unscaled, scale);
    }

    /** A list of up to {@code maxSize} elements, each size as likely, each element drawn by {@code draw}. */
    public static <T> List<T> listOf(Random r, int maxSize, Function<Random, T> draw) {
        int size = r.nextInt(maxSize + 1);
        List<T> list = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            list.add(draw.apply(r));
        }
        return List.copyOf(list);
    }
}
