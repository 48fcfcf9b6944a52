package id.lumbung.ledger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import id.lumbung.money.Amount;

/**
 * A busy lending LED's day-to-day business as two-line entries, for the statements benchmark
 * ({@link BenchPostingGenerator}): repayments, interest, disbursements, savings, fees, expenses, transfers
 * between cash, bank and a petty-cash box, grants and contributions, spread evenly over the dates from
 * {@code first} to {@code last} in number order, with a few back-dated by up to 45 days as clerks do.
 *
 * <p>It refuses to draw what the service would refuse: it keeps each account's balance in number
 * order, the order the service checks its no-negative accounts in, and never takes cash, bank, a cash
 * box, loans receivable or member savings below zero; an entry that would is replaced by a repayment
 * (or a contribution when nothing is lent out). Amounts are whole rupiah. Seeded, so a run is repeatable.
 */
final class BenchEntryMix {

    private static final String BY = "bench-generator";
    private static final double BACK_DATED = 0.03;
    private static final int MAX_BACK_DAYS = 45;
    /** What a petty-cash box is filled up to, in rupiah. */
    private static final long PETTY_CASH_FLOAT = 2_000_000L;

    private final UUID ledId;
    private final Random random;
    private final LocalDate first;
    private final long span;
    private final long total;
    private final BenchChart chart;
    /** Balances on each account's normal side, in rupiah, as the entries so far leave them. */
    private final Map<AccountRef, Long> balances = new HashMap<>();
    private long index;

    BenchEntryMix(UUID ledId, BenchChart chart, LocalDate first, LocalDate last, long total, long seed) {
        this.ledId = ledId;
        this.chart = chart;
        this.first = first;
        this.span = ChronoUnit.DAYS.between(first, last) + 1;
        this.total = total;
        this.random = new Random(seed);
        this.balances.putAll(chart.opening());
    }

    static String recordedBy() {
        return BY;
    }

    /** The next entry, dated on or before {@code last} and on or after {@code first}. */
    EntryDraft next() {
        LocalDate day = day();
        long i = index++;
        if (i == 0) {
            return entry(day, EntryKind.GRANT, "Hibah Pemerintah Kabupaten: modal awal dana bergulir",
                    chart.bank(), chart.grantCapital(), 750_000_000L);
        }
        if (i == 1) {
            return entry(day, EntryKind.CONTRIBUTION, "Modal swadaya masyarakat: setoran awal", chart.cash(),
                    chart.community(), 60_000_000L);
        }
        double p = random.nextDouble();
        if (p < 0.28) {
            return repayment(day);
        }
        if (p < 0.44) {
            return entry(day, EntryKind.REPAYMENT, "Jasa pinjaman anggota " + member(), chart.cash(),
                    chart.interest(), rupiah(10_000, 150_000, 500));
        }
        if (p < 0.50) {
            AccountRef from = random.nextInt(10) < 7 ? chart.cash() : chart.bank();
            return spend(day, EntryKind.LOAN_DISBURSEMENT, "Pencairan pinjaman anggota " + member(), chart.loans(),
                    from, rupiah(500_000, 5_000_000, 250_000));
        }
        if (p < 0.62) {
            return entry(day, EntryKind.SAVINGS_DEPOSIT, "Setoran simpanan anggota " + member(), chart.cash(),
                    chart.savings(), rupiah(20_000, 500_000, 5_000));
        }
        if (p < 0.68) {
            return withdrawal(day);
        }
        if (p < 0.72) {
            return entry(day, EntryKind.FEE, "Biaya administrasi pinjaman " + member(), chart.cash(), chart.fees(),
                    rupiah(25_000, 100_000, 5_000));
        }
        if (p < 0.74) {
            return entry(day, EntryKind.REPAYMENT, "Denda keterlambatan angsuran " + member(), chart.cash(),
                    chart.penalties(), rupiah(5_000, 50_000, 1_000));
        }
        if (p < 0.84) {
            return expense(day);
        }
        if (p < 0.90) {
            return spend(day, EntryKind.TRANSFER, "Setor kas ke bank", chart.bank(), chart.cash(),
                    rupiah(500_000, 10_000_000, 100_000));
        }
        if (p < 0.95) {
            return spend(day, EntryKind.TRANSFER, "Tarik tunai dari bank", chart.cash(), chart.bank(),
                    rupiah(500_000, 10_000_000, 100_000));
        }
        if (p < 0.97) {
            return topUp(day);
        }
        if (p < 0.99) {
            return entry(day, EntryKind.ADJUSTMENT, "Pendapatan sewa tenda dan kursi", chart.cash(),
                    pick(chart.otherIncome(), chart.fees()), rupiah(50_000, 500_000, 10_000));
        }
        if (p < 0.99998) {
            return entry(day, EntryKind.CONTRIBUTION, "Iuran modal swadaya warga", chart.cash(), chart.community(),
                    rupiah(100_000, 2_000_000, 50_000));
        }
        return entry(day, EntryKind.GRANT, "Hibah Pemerintah Kabupaten: tambahan modal", chart.bank(),
                chart.grantCapital(), rupiah(100_000_000, 300_000_000, 10_000_000));
    }

    /** The day of the next entry: its share of the span, or a few days before it for a back-dated one. */
    private LocalDate day() {
        LocalDate day = first.plusDays(index * span / total);
        if (index > 1 && random.nextDouble() < BACK_DATED) {
            day = day.minusDays(1 + random.nextInt(MAX_BACK_DAYS));
            if (day.isBefore(first)) {
                day = first;
            }
        }
        return day;
    }

    private EntryDraft repayment(LocalDate day) {
        long amount = Math.min(rupiah(100_000, 1_000_000, 25_000), balance(chart.loans()));
        if (amount <= 0) {
            return entry(day, EntryKind.CONTRIBUTION, "Iuran modal swadaya warga", chart.cash(), chart.community(),
                    rupiah(100_000, 2_000_000, 50_000));
        }
        return entry(day, EntryKind.REPAYMENT, "Angsuran pokok pinjaman anggota " + member(), chart.cash(),
                chart.loans(), amount);
    }

    private EntryDraft withdrawal(LocalDate day) {
        long amount = Math.min(rupiah(20_000, 400_000, 5_000), balance(chart.savings()));
        if (amount <= 0) {
            return repayment(day);
        }
        return spend(day, EntryKind.WITHDRAWAL, "Penarikan simpanan anggota " + member(), chart.savings(),
                chart.cash(), amount);
    }

    /** Fills a petty-cash box back up to its float once it is half spent; until then, an expense instead. */
    private EntryDraft topUp(LocalDate day) {
        if (chart.cashBoxes().isEmpty()) {
            return expense(day);
        }
        AccountRef box = pick(chart.cashBoxes(), chart.cash());
        long held = balance(box);
        if (held >= PETTY_CASH_FLOAT / 2) {
            return expense(day);
        }
        return spend(day, EntryKind.TRANSFER, "Isi kas kecil", box, chart.cash(), PETTY_CASH_FLOAT - held);
    }

    private EntryDraft expense(LocalDate day) {
        List<AccountRef> expenses = chart.expenses();
        AccountRef expense = expenses.get(random.nextInt(expenses.size()));
        boolean petty = !chart.cashBoxes().isEmpty() && random.nextInt(3) == 0;
        AccountRef from = petty ? pick(chart.cashBoxes(), chart.cash()) : chart.cash();
        long amount = petty ? rupiah(10_000, 150_000, 1_000) : rupiah(20_000, 750_000, 5_000);
        return spend(day, EntryKind.EXPENSE, "Beban operasional: " + expense.code(), expense, from, amount);
    }

    /** Money out of {@code from}: a repayment instead when {@code from} cannot cover it. */
    private EntryDraft spend(LocalDate day, EntryKind kind, String description, AccountRef debit, AccountRef from,
            long amount) {
        if (balance(from) < amount) {
            return repayment(day);
        }
        return entry(day, kind, description, debit, from, amount);
    }

    /** Debit one account and credit the other; moves the tracked balances. */
    private EntryDraft entry(LocalDate day, EntryKind kind, String description, AccountRef debit, AccountRef credit,
            long amount) {
        move(debit, Side.DEBIT, amount);
        move(credit, Side.CREDIT, amount);
        Amount value = Amount.ofRupiah(amount);
        return new EntryDraft(ledId, day, kind, description, null, null, List.of(
                new EntryDraft.Line(debit.code(), Side.DEBIT, value),
                new EntryDraft.Line(credit.code(), Side.CREDIT, value)));
    }

    private void move(AccountRef account, Side side, long amount) {
        long change = side == account.normalSide() ? amount : -amount;
        long after = balance(account) + change;
        if (after < 0 && (account.noNegative() || chart.neverNegative(account))) {
            throw new IllegalStateException("the mix would take " + account.code() + " below zero");
        }
        balances.put(account, after);
    }

    private long balance(AccountRef account) {
        return balances.getOrDefault(account, 0L);
    }

    private long rupiah(long min, long max, long step) {
        return min + step * random.nextLong((max - min) / step + 1);
    }

    private AccountRef pick(List<AccountRef> accounts, AccountRef otherwise) {
        return accounts.isEmpty() ? otherwise : accounts.get(random.nextInt(accounts.size()));
    }

    private String member() {
        return String.format("%04d", 1 + random.nextInt(1200));
    }
}
