package id.lumbung.loan.schedule;

import java.math.BigDecimal;

/** The principal and interest of one installment while a schedule is being computed. */
record Part(BigDecimal principal, BigDecimal interest) {
}
