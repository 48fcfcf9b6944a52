package id.lumbung.loan.group;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;

/**
 * How a KUB group's payment is spread over its members' shares (tanggung renteng): pure
 * arithmetic from what each share owes on the day paid.
 *
 * <p>Without {@code for}, the amount goes first to what is due (installments due on or before the
 * day: unpaid principal, interest and penalty), in proportion to each share's amount due; when
 * nothing is due, and for any excess beyond everything due, in proportion to what each share still
 * owes beyond it (its outstanding principal not yet due). With {@code for}, it all goes to that
 * member's share first, and only what that share cannot take is spread over the others as above.
 *
 * <p>Each proportional part is rounded to the LED's step in the LED's mode and the remainder
 * goes to the share with the largest weight (the first of equal ones), so the parts always add up
 * to the amount exactly; when rounding up would leave the largest share below zero, the other
 * parts are rounded down instead. A part is never more than its share can take that day: what a
 * part would take beyond it is spread again over the shares that can still take more, in the
 * same proportions. Example (step 500, half up): due 345,000 / 230,000 / 115,000 and 500,000 paid
 * → 230,000 × 500,000 / 690,000 = 166,666.67 → 166,500 and 83,333.33 → 83,500; the largest share
 * gets the remainder 500,000 − 166,500 − 83,500 = 250,000.
 */
public final class ShareSplit {

    /** What one share owes on the day paid: its amount due, and everything it can take (Allocator.payable). */
    public record Claim(Amount due, Amount payable) {

        public Claim {
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(payable, "payable");
            if (due.compareTo(payable) > 0 || due.value().signum() < 0) {
                throw new IllegalArgumentException("due " + due + " must be between 0 and payable " + payable);
            }
        }
    }

    private ShareSplit() {
    }

    /** Everything the shares can take together on the day. */
    public static Amount payable(List<Claim> claims) {
        Amount total = Amount.ZERO;
        for (Claim claim : claims) {
            total = total.plus(claim.payable());
        }
        return total;
    }

    /**
     * The part of {@code amount} each share takes, in the claims' order; {@code forShare} is the
     * index of the share paid for, or -1. The amount must be positive and at most {@link #payable}.
     */
    public static List<Amount> split(List<Claim> claims, Amount amount, int forShare, Rounding rounding) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rounding, "rounding");
        if (!amount.isPositive() || amount.compareTo(payable(claims)) > 0) {
            throw new IllegalArgumentException("a payment of " + amount + " must be positive and at most "
                    + payable(claims));
        }
        if (forShare < -1 || forShare >= claims.size()) {
            throw new IllegalArgumentException("no share " + forShare);
        }
        int n = claims.size();
        BigDecimal[] parts = new BigDecimal[n];
        java.util.Arrays.fill(parts, BigDecimal.ZERO);
        BigDecimal left = amount.value();
        if (forShare >= 0) {
            BigDecimal taken = left.min(claims.get(forShare).payable().value());
            parts[forShare] = taken;
            left = left.subtract(taken);
        }
        // What is due first, weighted by what is still due of each share.
        BigDecimal[] dueCaps = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            dueCaps[i] = claims.get(i).due().value().subtract(parts[i]).max(BigDecimal.ZERO);
        }
        left = spread(left, dueCaps, dueCaps, parts, rounding);
        // Then beyond what is due, weighted by what each share still owes.
        BigDecimal[] rest = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            rest[i] = claims.get(i).payable().value().subtract(parts[i]);
        }
        left = spread(left, rest, rest, parts, rounding);
        if (left.signum() != 0) {
            throw new IllegalStateException("the parts do not add up: " + left + " left");
        }
        List<Amount> result = new ArrayList<>(n);
        for (BigDecimal part : parts) {
            result.add(Amount.of(part));
        }
        return result;
    }

    /**
     * Spreads up to Σ caps of {@code amount} in proportion to {@code weights}, adding to
     * {@code parts}, each at most its cap; returns what is left (zero unless the caps are smaller).
     */
    private static BigDecimal spread(BigDecimal amount, BigDecimal[] weights, BigDecimal[] caps, BigDecimal[] parts,
            Rounding rounding) {
        int n = caps.length;
        BigDecimal[] taken = new BigDecimal[n];
        java.util.Arrays.fill(taken, BigDecimal.ZERO);
        BigDecimal capacity = BigDecimal.ZERO;
        for (BigDecimal cap : caps) {
            capacity = capacity.add(cap);
        }
        BigDecimal portion = amount.min(capacity);
        BigDecimal left = portion;
        while (left.signum() > 0) {
            BigDecimal room = BigDecimal.ZERO;
            BigDecimal weight = BigDecimal.ZERO;
            BigDecimal[] w = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                BigDecimal free = caps[i].subtract(taken[i]);
                room = room.add(free);
                w[i] = free.signum() > 0 ? weights[i] : BigDecimal.ZERO;
                weight = weight.add(w[i]);
            }
            if (left.compareTo(room) >= 0) {
                for (int i = 0; i < n; i++) {
                    taken[i] = caps[i];
                }
                left = left.subtract(room);
                break;
            }
            if (weight.signum() == 0) {
                for (int i = 0; i < n; i++) {
                    w[i] = caps[i].subtract(taken[i]);
                }
                weight = room;
            }
            BigDecimal[] proportional = proportional(left, w, weight, rounding);
            for (int i = 0; i < n; i++) {
                BigDecimal add = proportional[i].min(caps[i].subtract(taken[i]));
                taken[i] = taken[i].add(add);
                left = left.subtract(add);
            }
        }
        for (int i = 0; i < n; i++) {
            parts[i] = parts[i].add(taken[i]);
        }
        return amount.subtract(portion).add(left);
    }

    /** {@code amount} in proportion to the weights, rounded to the step, the remainder to the largest weight. */
    static BigDecimal[] proportional(BigDecimal amount, BigDecimal[] weights, BigDecimal total, Rounding rounding) {
        int largest = 0;
        for (int i = 1; i < weights.length; i++) {
            if (weights[i].compareTo(weights[largest]) > 0) {
                largest = i;
            }
        }
        BigDecimal[] parts = shares(amount, weights, total, rounding, largest, false);
        if (parts[largest].signum() < 0) {
            parts = shares(amount, weights, total, rounding, largest, true);
        }
        return parts;
    }

    private static BigDecimal[] shares(BigDecimal amount, BigDecimal[] weights, BigDecimal total, Rounding rounding,
            int largest, boolean down) {
        BigDecimal[] parts = new BigDecimal[weights.length];
        BigDecimal others = BigDecimal.ZERO;
        for (int i = 0; i < weights.length; i++) {
            if (i == largest) {
                continue;
            }
            BigDecimal exact = amount.multiply(weights[i]);
            parts[i] = down ? rounding.roundDownQuotient(exact, total) : rounding.roundQuotient(exact, total);
            others = others.add(parts[i]);
        }
        parts[largest] = amount.subtract(others);
        return parts;
    }
}
