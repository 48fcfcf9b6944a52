package id.lumbung.loan.schedule;

/** The period a quoted interest rate refers to: "1.5 % per bulan" or "18 % per tahun". */
public enum RatePeriod {
    MONTH,
    YEAR
}
