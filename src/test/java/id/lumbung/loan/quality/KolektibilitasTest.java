package id.lumbung.loan.quality;

import static id.lumbung.loan.quality.Kolektibilitas.DALAM_PERHATIAN_KHUSUS;
import static id.lumbung.loan.quality.Kolektibilitas.DIRAGUKAN;
import static id.lumbung.loan.quality.Kolektibilitas.KURANG_LANCAR;
import static id.lumbung.loan.quality.Kolektibilitas.LANCAR;
import static id.lumbung.loan.quality.Kolektibilitas.MACET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.lumbung.loan.schedule.Frequency;
import id.lumbung.loan.schedule.Rounding;
import id.lumbung.money.Amount;

/** The presets at every boundary the issue lists, custom tables, the rules a table must keep, and provisions. */
class KolektibilitasTest {

    private static Kolektibilitas byDays(QualitySetting setting, int days) {
        return setting.classify(Frequency.MONTHLY, days, 0).kolektibilitas();
    }

    private static Kolektibilitas byMissed(QualitySetting setting, Frequency frequency, int missed) {
        return setting.classify(frequency, 0, missed).kolektibilitas();
    }

    private static String percent(QualitySetting setting, Frequency frequency, int days, int missed) {
        return setting.classify(frequency, days, missed).provisionPercent().toPlainString();
    }

    @Test
    void bankPresetByDaysPastDueAtEachBoundary() {
        QualitySetting bank = QualitySetting.of(QualityPreset.BANK);
        assertEquals(LANCAR, byDays(bank, 0));
        assertEquals(DALAM_PERHATIAN_KHUSUS, byDays(bank, 1));
        assertEquals(DALAM_PERHATIAN_KHUSUS, byDays(bank, 90));
        assertEquals(KURANG_LANCAR, byDays(bank, 91));
        assertEquals(KURANG_LANCAR, byDays(bank, 120));
        assertEquals(DIRAGUKAN, byDays(bank, 121));
        assertEquals(DIRAGUKAN, byDays(bank, 180));
        assertEquals(MACET, byDays(bank, 181));
        assertEquals(MACET, byDays(bank, 3650));
        assertEquals(List.of("1", "5", "15", "50", "100"), List.of(percent(bank, Frequency.MONTHLY, 0, 0),
                percent(bank, Frequency.MONTHLY, 1, 0), percent(bank, Frequency.MONTHLY, 91, 0),
                percent(bank, Frequency.MONTHLY, 121, 0), percent(bank, Frequency.MONTHLY, 181, 0)));
    }

    @Test
    void bankPresetIgnoresMissedInstallmentsAndFrequency() {
        QualitySetting bank = QualitySetting.DEFAULT;
        assertEquals(LANCAR, bank.classify(Frequency.WEEKLY, 0, 12).kolektibilitas());
        assertEquals(KURANG_LANCAR, bank.classify(Frequency.WEEKLY, 91, 0).kolektibilitas());
    }

    @Test
    void lkmPresetMonthlyByMissedInstallments() {
        QualitySetting lkm = QualitySetting.of(QualityPreset.LKM);
        assertEquals(LANCAR, byMissed(lkm, Frequency.MONTHLY, 0));
        assertEquals(LANCAR, byMissed(lkm, Frequency.MONTHLY, 3));
        assertEquals(DIRAGUKAN, byMissed(lkm, Frequency.MONTHLY, 4));
        assertEquals(DIRAGUKAN, byMissed(lkm, Frequency.MONTHLY, 9));
        assertEquals(MACET, byMissed(lkm, Frequency.MONTHLY, 10));
        assertEquals(List.of("0", "50", "100"), List.of(percent(lkm, Frequency.MONTHLY, 0, 3),
                percent(lkm, Frequency.MONTHLY, 0, 4), percent(lkm, Frequency.MONTHLY, 0, 10)));
        assertEquals(LANCAR, lkm.classify(Frequency.MONTHLY, 400, 0).kolektibilitas());
    }

    @Test
    void lkmPresetWeeklyByMissedInstallments() {
        QualitySetting lkm = QualitySetting.of(QualityPreset.LKM);
        assertEquals(LANCAR, byMissed(lkm, Frequency.WEEKLY, 4));
        assertEquals(DIRAGUKAN, byMissed(lkm, Frequency.WEEKLY, 5));
        assertEquals(DIRAGUKAN, byMissed(lkm, Frequency.WEEKLY, 8));
        assertEquals(MACET, byMissed(lkm, Frequency.WEEKLY, 9));
    }

    @Test
    void upkPresetMonthlyByMonthsOfMissedInstallments() {
        QualitySetting upk = QualitySetting.of(QualityPreset.UPK);
        List<Kolektibilitas> expected = List.of(LANCAR, DALAM_PERHATIAN_KHUSUS, DALAM_PERHATIAN_KHUSUS,
                KURANG_LANCAR, KURANG_LANCAR, DIRAGUKAN, DIRAGUKAN, MACET);
        for (int missed = 0; missed <= 7; missed++) {
            assertEquals(expected.get(missed), byMissed(upk, Frequency.MONTHLY, missed), missed + " missed");
        }
        assertEquals(List.of("1", "10", "25", "50", "100"), List.of(percent(upk, Frequency.MONTHLY, 0, 0),
                percent(upk, Frequency.MONTHLY, 0, 1), percent(upk, Frequency.MONTHLY, 0, 3),
                percent(upk, Frequency.MONTHLY, 0, 5), percent(upk, Frequency.MONTHLY, 0, 7)));
    }

    @Test
    void upkPresetWeeklyCountsFourMissedWeeksAsAMonthRoundingUp() {
        QualitySetting upk = QualitySetting.of(QualityPreset.UPK);
        assertEquals(LANCAR, byMissed(upk, Frequency.WEEKLY, 0));
        // One missed week is already one month in arrears; eight are two months.
        assertEquals(DALAM_PERHATIAN_KHUSUS, byMissed(upk, Frequency.WEEKLY, 1));
        assertEquals(DALAM_PERHATIAN_KHUSUS, byMissed(upk, Frequency.WEEKLY, 8));
        assertEquals(KURANG_LANCAR, byMissed(upk, Frequency.WEEKLY, 9));
        assertEquals(KURANG_LANCAR, byMissed(upk, Frequency.WEEKLY, 16));
        assertEquals(DIRAGUKAN, byMissed(upk, Frequency.WEEKLY, 17));
        assertEquals(DIRAGUKAN, byMissed(upk, Frequency.WEEKLY, 24));
        assertEquals(MACET, byMissed(upk, Frequency.WEEKLY, 25));
        for (int missed = 0; missed <= 40; missed++) {
            int months = (missed + 3) / 4;
            assertEquals(byMissed(upk, Frequency.MONTHLY, months), byMissed(upk, Frequency.WEEKLY, missed),
                    missed + " missed weekly installments are " + months + " months");
        }
    }

    @Test
    void customThreeClassTableByDaysPastDue() {
        QualitySetting custom = QualitySetting.custom(QualityTable.of(QualityMeasure.DAYS_PAST_DUE, List.of(
                new QualityClass(LANCAR, 30, new BigDecimal("0.5")),
                new QualityClass(KURANG_LANCAR, 60, new BigDecimal("25")),
                new QualityClass(MACET, null, new BigDecimal("100")))));
        assertEquals(LANCAR, byDays(custom, 30));
        assertEquals(KURANG_LANCAR, byDays(custom, 31));
        assertEquals(KURANG_LANCAR, byDays(custom, 60));
        assertEquals(MACET, byDays(custom, 61));
        assertEquals(KURANG_LANCAR, custom.classify(Frequency.WEEKLY, 45, 0).kolektibilitas());
        assertEquals("0.005", custom.classify(Frequency.MONTHLY, 0, 0).rate().toPlainString());
    }

    @Test
    void customFiveClassTableByMissedInstallmentsAppliesToEveryFrequency() {
        QualitySetting custom = QualitySetting.custom(QualityTable.of(QualityMeasure.MISSED_INSTALLMENTS, List.of(
                new QualityClass(LANCAR, 0, BigDecimal.ONE),
                new QualityClass(DALAM_PERHATIAN_KHUSUS, 1, BigDecimal.TEN),
                new QualityClass(KURANG_LANCAR, 2, new BigDecimal("20")),
                new QualityClass(DIRAGUKAN, 3, new BigDecimal("50")),
                new QualityClass(MACET, null, new BigDecimal("100")))));
        assertEquals(DALAM_PERHATIAN_KHUSUS, byMissed(custom, Frequency.WEEKLY, 1));
        assertEquals(DALAM_PERHATIAN_KHUSUS, byMissed(custom, Frequency.MONTHLY, 1));
        assertEquals(DIRAGUKAN, byMissed(custom, Frequency.MONTHLY, 3));
        assertEquals(MACET, byMissed(custom, Frequency.MONTHLY, 4));
        assertEquals(LANCAR, custom.classify(Frequency.MONTHLY, 300, 0).kolektibilitas());
    }

    @Test
    void refusesFourClasses() {
        List<QualityTable.Violation> found = QualityTable.violations(QualityMeasure.DAYS_PAST_DUE, List.of(
                new QualityClass(LANCAR, 0, BigDecimal.ONE), new QualityClass(KURANG_LANCAR, 90, BigDecimal.TEN),
                new QualityClass(DIRAGUKAN, 180, new BigDecimal("50")),
                new QualityClass(MACET, null, new BigDecimal("100"))));
        assertEquals(List.of("classes"), found.stream().map(QualityTable.Violation::field).toList());
    }

    @Test
    void refusesBoundsThatDoNotIncreaseStrictly() {
        List<QualityTable.Violation> found = QualityTable.violations(QualityMeasure.DAYS_PAST_DUE, List.of(
                new QualityClass(LANCAR, 30, BigDecimal.ONE), new QualityClass(DIRAGUKAN, 30, BigDecimal.TEN),
                new QualityClass(MACET, null, new BigDecimal("100"))));
        assertEquals(List.of("classes[1].upTo"), found.stream().map(QualityTable.Violation::field).toList());
    }

    @Test
    void refusesAnOpenEndedClassThatIsNotLastAndABoundedLastClass() {
        List<QualityTable.Violation> found = QualityTable.violations(QualityMeasure.MISSED_INSTALLMENTS, List.of(
                new QualityClass(LANCAR, 1, BigDecimal.ONE), new QualityClass(DIRAGUKAN, null, BigDecimal.TEN),
                new QualityClass(MACET, 9, new BigDecimal("100"))));
        assertEquals(List.of("classes[1].upTo", "classes[2].upTo"),
                found.stream().map(QualityTable.Violation::field).toList());
    }

    @Test
    void refusesClassesOutOfOrderRatesOutOfRangeOrFallingAndNoMeasure() {
        List<QualityTable.Violation> found = QualityTable.violations(null, List.of(
                new QualityClass(DIRAGUKAN, 1, new BigDecimal("101")),
                new QualityClass(DIRAGUKAN, 5, new BigDecimal("50")),
                new QualityClass(MACET, null, new BigDecimal("40"))));
        assertEquals(List.of("measure", "classes[0].class", "classes[0].provisionPercent", "classes[1].class",
                "classes[1].provisionPercent", "classes[2].provisionPercent"),
                found.stream().map(QualityTable.Violation::field).toList());
        assertThrows(IllegalArgumentException.class, () -> QualityTable.of(QualityMeasure.DAYS_PAST_DUE, List.of()));
    }

    @Test
    void provisionIsOutstandingTimesTheRateRoundedInOneStepAsTheLoanRounds() {
        QualityClass dpk = QualitySetting.DEFAULT.classify(Frequency.MONTHLY, 10, 0);
        Amount outstanding = Amount.parse("2948450");
        assertEquals(Amount.parse("147422.50"), dpk.provisionOn(outstanding, new Rounding(new BigDecimal("0.01"),
                RoundingMode.HALF_UP)));
        assertEquals(Amount.parse("147423"), dpk.provisionOn(outstanding, Rounding.WHOLE_RUPIAH));
        assertEquals(Amount.parse("147000"), dpk.provisionOn(outstanding, new Rounding(new BigDecimal("1000"),
                RoundingMode.HALF_UP)));
        assertEquals(Amount.parse("148000"), dpk.provisionOn(outstanding, new Rounding(new BigDecimal("1000"),
                RoundingMode.UP)));
        QualityClass macet = QualitySetting.DEFAULT.classify(Frequency.MONTHLY, 181, 0);
        assertEquals(outstanding, macet.provisionOn(outstanding, new Rounding(new BigDecimal("1000"),
                RoundingMode.UP)));
    }
}
