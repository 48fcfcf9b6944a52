package id.lumbung.loan.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;

/** The spreading rule of a group's payment, hand-computed; then seeded random cases against its invariants. */
class ShareSplitTest {

    private static final Rounding WHOLE = Rounding.WHOLE_RUPIAH;
    private static final Rounding STEP_500 = new Rounding(new BigDecimal("500"), RoundingMode.HALF_UP);

    @Test
    void spreadsByAmountDueWithTheRemainderToTheLargestShare() {
        // Due 360,000 / 240,000 / 90,000 (690,000); 400,000 paid.
        List<ShareSplit.Claim> claims = List.of(claim(360000, 3000000), claim(240000, 2000000), claim(90000, 800000));
        // Exact: 208,695.65 / 139,130.43 / 52,173.91. Whole rupiah: 139,130 and 52,174; the rest 208,696.
        assertEquals(amounts(208696, 139130, 52174), ShareSplit.split(claims, rupiah(400000), -1, WHOLE));
        // Step 500: 139,000 and 52,000; the largest share takes 400,000 − 191,000 = 209,000.
        assertEquals(amounts(209000, 139000, 52000), ShareSplit.split(claims, rupiah(400000), -1, STEP_500));
    }

    @Test
    void anAmountOffTheStepLeavesItsOddRupiahWithTheLargestShare() {
        List<ShareSplit.Claim> claims = List.of(claim(345000, 3000000), claim(230000, 2000000), claim(115000, 1000000));
        // 500,300 × 230/690 = 166,766.67 → 167,000; × 115/690 = 83,383.33 → 83,500; the rest 249,800.
        // Whole rupiah: 166,767 and 83,383; the rest 250,150.
        assertEquals(amounts(249800, 167000, 83500), ShareSplit.split(claims, rupiah(500300), -1, STEP_500));
        assertEquals(amounts(250150, 166767, 83383), ShareSplit.split(claims, rupiah(500300), -1, WHOLE));
    }

    @Test
    void whenNothingIsDueSpreadsByWhatEachShareOwes() {
        List<ShareSplit.Claim> claims = List.of(claim(0, 3000000), claim(0, 2000000), claim(0, 1000000));
        // 100,000 × 2/6 = 33,333.33 → 33,333; × 1/6 = 16,666.67 → 16,667; the rest 50,000.
        assertEquals(amounts(50000, 33333, 16667), ShareSplit.split(claims, rupiah(100000), -1, WHOLE));
        assertEquals(amounts(50000, 33500, 16500), ShareSplit.split(claims, rupiah(100000), -1, STEP_500));
    }

    @Test
    void anExcessBeyondEverythingDueIsSpreadByWhatIsOwedBeyondIt() {
        List<ShareSplit.Claim> claims = List.of(claim(345000, 3045000), claim(230000, 2030000),
                claim(115000, 1015000));
        // 690,000 settles what is due; the 60,000 beyond goes 2,700,000 : 1,800,000 : 900,000.
        assertEquals(amounts(375000, 250000, 125000), ShareSplit.split(claims, rupiah(750000), -1, WHOLE));
    }

    @Test
    void forOneMemberGoesToThatShareAndOnlyTheOverflowToTheOthers() {
        List<ShareSplit.Claim> claims = List.of(claim(345000, 3045000), claim(230000, 2030000),
                claim(115000, 1015000));
        assertEquals(amounts(0, 230000, 0), ShareSplit.split(claims, rupiah(230000), 1, WHOLE));
        // Rina's share takes its 1,015,000; the 85,000 left goes by due 345 : 230 → 51,000 and 34,000.
        assertEquals(amounts(51000, 34000, 1015000), ShareSplit.split(claims, rupiah(1100000), 2, WHOLE));
    }

    @Test
    void aPartLargerThanItsShareCanTakeOverflowsToTheOthers() {
        // Step 500 rounds Dewi's 100.20 up to 500, more than the 300 her share can take.
        List<ShareSplit.Claim> claims = List.of(claim(900, 900), claim(300, 300), claim(0, 5000));
        List<Amount> parts = ShareSplit.split(claims, rupiah(1100), -1, STEP_500);
        assertEquals(rupiah(1100), parts.get(0).plus(parts.get(1)).plus(parts.get(2)));
        assertTrue(parts.get(1).compareTo(rupiah(300)) <= 0, parts::toString);
        assertTrue(parts.get(0).compareTo(rupiah(900)) <= 0, parts::toString);
    }

    @Test
    void refusesMoreThanTheSharesOweTogether() {
        List<ShareSplit.Claim> claims = List.of(claim(100, 1000), claim(0, 500));
        assertThrows(IllegalArgumentException.class, () -> ShareSplit.split(claims, rupiah(1501), -1, WHOLE));
        assertEquals(amounts(1000, 500), ShareSplit.split(claims, rupiah(1500), -1, WHOLE));
    }

    /** Seeded random claims: the parts add up, never exceed a share's payable, and cover what is due first. */
    @Test
    void randomClaimsAlwaysAddUpAndStayWithinEachShare() {
        Random random = new Random(20261202);
        List<Rounding> roundings = List.of(WHOLE, STEP_500, new Rounding(new BigDecimal("1000"), RoundingMode.UP),
                new Rounding(new BigDecimal("100"), RoundingMode.DOWN));
        for (int run = 0; run < 2000; run++) {
            int n = 1 + random.nextInt(6);
            List<ShareSplit.Claim> claims = new ArrayList<>();
            long dueTotal = 0;
            long total = 0;
            for (int i = 0; i < n; i++) {
                long payable = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3_000_000);
                long due = random.nextBoolean() ? 0 : random.nextLong(payable + 1);
                claims.add(claim(due, payable));
                dueTotal += due;
                total += payable;
            }
            if (total == 0) {
                continue;
            }
            long amount = 1 + random.nextLong(total);
            int forShare = random.nextInt(3) == 0 ? random.nextInt(n) : -1;
            List<Amount> parts = ShareSplit.split(claims, rupiah(amount), forShare,
                    roundings.get(random.nextInt(roundings.size())));
            Amount sum = Amount.ZERO;
            for (int i = 0; i < n; i++) {
                Amount part = parts.get(i);
                assertTrue(part.value().signum() >= 0, () -> "negative part " + parts);
                assertTrue(part.compareTo(claims.get(i).payable()) <= 0, () -> "part above payable " + parts);
                sum = sum.plus(part);
            }
            assertEquals(rupiah(amount), sum, claims::toString);
            if (forShare < 0 && amount >= dueTotal) {
                for (int i = 0; i < n; i++) {
                    assertTrue(parts.get(i).compareTo(claims.get(i).due()) >= 0, () -> "due left unpaid " + parts);
                }
            }
        }
    }

    private static ShareSplit.Claim claim(long due, long payable) {
        return new ShareSplit.Claim(rupiah(due), rupiah(payable));
    }

    private static Amount rupiah(long value) {
        return Amount.ofRupiah(value);
    }

    private static List<Amount> amounts(long... values) {
        List<Amount> list = new ArrayList<>();
        for (long v : values) {
            list.add(rupiah(v));
        }
        return list;
    }
}
