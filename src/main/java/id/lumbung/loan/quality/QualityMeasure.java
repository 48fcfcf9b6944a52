package id.lumbung.loan.quality;

/**
 * What a quality table's bounds count. {@code DAYS_PAST_DUE}: days since the oldest installment not
 * fully paid fell due (0 when none is overdue; an installment due on the day is not overdue).
 * {@code MISSED_INSTALLMENTS}: installments due on or before the day and not fully paid.
 */
public enum QualityMeasure {
    DAYS_PAST_DUE,
    MISSED_INSTALLMENTS
}
