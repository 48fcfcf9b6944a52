package id.lumbung.loan.schedule;

/** How often installments fall due. */
public enum Frequency {
    MONTHLY,
    WEEKLY
}
