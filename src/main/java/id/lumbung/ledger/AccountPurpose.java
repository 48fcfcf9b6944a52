package id.lumbung.ledger;

/**
 * What a system account is for. Code that posts finds its accounts by purpose, never by a literal
 * code: an LED's chart may have grown around the defaults (a migration adding a purpose to existing
 * LEDs takes the default code only where it is free), so the code is the LED's, the purpose is the
 * system's. Every LED has exactly one account of each purpose; a new LED gets each at its default
 * code. Names are Indonesian, as the LED's books are kept.
 */
public enum AccountPurpose {
    CASH("1-1100", "Kas", AccountType.ASSET, false, true),
    BANK("1-1200", "Bank", AccountType.ASSET, false, true),
    LOANS_RECEIVABLE("1-1300", "Piutang Pinjaman Anggota", AccountType.ASSET, false, false),
    LOAN_LOSS_ALLOWANCE("1-1310", "Penyisihan Kerugian Pinjaman", AccountType.ASSET, true, false),
    INTEREST_RECEIVABLE("1-1400", "Piutang Jasa Pinjaman", AccountType.ASSET, false, false),
    MEMBER_SAVINGS("2-1100", "Simpanan Anggota", AccountType.LIABILITY, false, false),
    /** Where the village assembly's allocation puts the social share (dana sosial); added by V21. */
    SOCIAL_FUND("2-1300", "Dana Sosial", AccountType.LIABILITY, false, false),
    /** The institution's share of an allocated surplus (dana kelembagaan); added by V21. */
    INSTITUTION_FUND("2-1400", "Dana Kelembagaan", AccountType.LIABILITY, false, false),
    OTHER_PAYABLES("2-1900", "Utang Lain-lain", AccountType.LIABILITY, false, false),
    DISTRICT_GRANT_CAPITAL("3-1100", "Modal Hibah Pemerintah Kabupaten", AccountType.EQUITY, false, false),
    COMMUNITY_EQUITY("3-1200", "Modal Swadaya Masyarakat", AccountType.EQUITY, false, false),
    RETAINED_SURPLUS("3-1300", "Surplus Ditahan", AccountType.EQUITY, false, false),
    /** The share of an allocated surplus added to the fund's capital; added by V21. */
    SURPLUS_CAPITAL("3-1400", "Penambahan Modal dari Surplus", AccountType.EQUITY, false, false),
    OPENING_BALANCE_EQUITY("3-1900", "Ekuitas Saldo Awal", AccountType.EQUITY, false, false),
    INTEREST_INCOME("4-1100", "Pendapatan Jasa Pinjaman", AccountType.INCOME, false, false),
    FEE_INCOME("4-1200", "Pendapatan Administrasi", AccountType.INCOME, false, false),
    PENALTY_INCOME("4-1300", "Pendapatan Denda", AccountType.INCOME, false, false),
    RECOVERY_INCOME("4-1400", "Pendapatan Pemulihan Piutang", AccountType.INCOME, false, false),
    OTHER_INCOME("4-1900", "Pendapatan Lain-lain", AccountType.INCOME, false, false),
    OPERATING_EXPENSE("5-1100", "Beban Operasional", AccountType.EXPENSE, false, false),
    LOAN_LOSS_EXPENSE("5-1200", "Beban Kerugian Pinjaman", AccountType.EXPENSE, false, false),
    TRAINING_EXPENSE("5-1300", "Beban Pelatihan", AccountType.EXPENSE, false, false),
    /** Capital given to trainees (bantuan modal) when the LED pays it; added to older LEDs by V16. */
    CAPITAL_ASSISTANCE_EXPENSE("5-1500", "Beban Bantuan Modal", AccountType.EXPENSE, false, false),
    OTHER_EXPENSE("5-1900", "Beban Lain-lain", AccountType.EXPENSE, false, false);

    private final String defaultCode;
    private final String defaultName;
    private final AccountType type;
    private final boolean contra;
    private final boolean noNegative;

    AccountPurpose(String defaultCode, String defaultName, AccountType type, boolean contra, boolean noNegative) {
        this.defaultCode = defaultCode;
        this.defaultName = defaultName;
        this.type = type;
        this.contra = contra;
        this.noNegative = noNegative;
    }

    /** The code a new LED's account of this purpose gets; an older LED's may differ. */
    public String defaultCode() {
        return defaultCode;
    }

    public String defaultName() {
        return defaultName;
    }

    public AccountType type() {
        return type;
    }

    public boolean contra() {
        return contra;
    }

    public boolean noNegative() {
        return noNegative;
    }
}
