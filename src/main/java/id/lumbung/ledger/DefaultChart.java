package id.lumbung.ledger;

import java.util.List;

/**
 * The chart of accounts every new LED starts with (DESIGN §2). Codes are stable: later features
 * and integrators refer to them. Names are Indonesian, as the LED's books are kept; the README
 * lists them with their English meaning.
 */
public final class DefaultChart {

    /** One account of the default chart. */
    public record Line(String code, String name, AccountType type, boolean contra, boolean noNegative) {
    }

    public static final String CASH = "1-1100";
    public static final String BANK = "1-1200";
    public static final String LOANS_RECEIVABLE = "1-1300";
    public static final String LOAN_LOSS_ALLOWANCE = "1-1310";
    public static final String INTEREST_RECEIVABLE = "1-1400";
    public static final String MEMBER_SAVINGS = "2-1100";
    public static final String OTHER_PAYABLES = "2-1900";
    public static final String DISTRICT_GRANT_CAPITAL = "3-1100";
    public static final String COMMUNITY_EQUITY = "3-1200";
    public static final String RETAINED_SURPLUS = "3-1300";
    public static final String OPENING_BALANCE_EQUITY = "3-1900";
    public static final String INTEREST_INCOME = "4-1100";
    public static final String FEE_INCOME = "4-1200";
    public static final String PENALTY_INCOME = "4-1300";
    public static final String OTHER_INCOME = "4-1900";
    public static final String OPERATING_EXPENSE = "5-1100";
    public static final String LOAN_LOSS_EXPENSE = "5-1200";
    public static final String TRAINING_EXPENSE = "5-1300";
    public static final String OTHER_EXPENSE = "5-1900";

    public static final List<Line> LINES = List.of(
            new Line(CASH, "Kas", AccountType.ASSET, false, true),
            new Line(BANK, "Bank", AccountType.ASSET, false, true),
            new Line(LOANS_RECEIVABLE, "Piutang Pinjaman Anggota", AccountType.ASSET, false, false),
            new Line(LOAN_LOSS_ALLOWANCE, "Penyisihan Kerugian Pinjaman", AccountType.ASSET, true, false),
            new Line(INTEREST_RECEIVABLE, "Piutang Jasa Pinjaman", AccountType.ASSET, false, false),
            new Line(MEMBER_SAVINGS, "Simpanan Anggota", AccountType.LIABILITY, false, false),
            new Line(OTHER_PAYABLES, "Utang Lain-lain", AccountType.LIABILITY, false, false),
            new Line(DISTRICT_GRANT_CAPITAL, "Modal Hibah Pemerintah Kabupaten", AccountType.EQUITY, false, false),
            new Line(COMMUNITY_EQUITY, "Modal Swadaya Masyarakat", AccountType.EQUITY, false, false),
            new Line(RETAINED_SURPLUS, "Surplus Ditahan", AccountType.EQUITY, false, false),
            new Line(OPENING_BALANCE_EQUITY, "Ekuitas Saldo Awal", AccountType.EQUITY, false, false),
            new Line(INTEREST_INCOME, "Pendapatan Jasa Pinjaman", AccountType.INCOME, false, false),
            new Line(FEE_INCOME, "Pendapatan Administrasi", AccountType.INCOME, false, false),
            new Line(PENALTY_INCOME, "Pendapatan Denda", AccountType.INCOME, false, false),
            new Line(OTHER_INCOME, "Pendapatan Lain-lain", AccountType.INCOME, false, false),
            new Line(OPERATING_EXPENSE, "Beban Operasional", AccountType.EXPENSE, false, false),
            new Line(LOAN_LOSS_EXPENSE, "Beban Kerugian Pinjaman", AccountType.EXPENSE, false, false),
            new Line(TRAINING_EXPENSE, "Beban Pelatihan", AccountType.EXPENSE, false, false),
            new Line(OTHER_EXPENSE, "Beban Lain-lain", AccountType.EXPENSE, false, false));

    private DefaultChart() {
    }
}
