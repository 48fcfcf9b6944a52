package id.lumbung.loan.quality;

import static id.lumbung.loan.quality.Kolektibilitas.DALAM_PERHATIAN_KHUSUS;
import static id.lumbung.loan.quality.Kolektibilitas.DIRAGUKAN;
import static id.lumbung.loan.quality.Kolektibilitas.KURANG_LANCAR;
import static id.lumbung.loan.quality.Kolektibilitas.LANCAR;
import static id.lumbung.loan.quality.Kolektibilitas.MACET;

import java.util.List;

import id.lumbung.loan.schedule.Frequency;

/**
 * The quality tables Lumbung ships, each with a table for monthly and one for weekly loans (the
 * README gives their sources).
 *
 * <ul>
 * <li>{@code BANK}, the default: Indonesian banks' SLIK bands (POJK 40/2019), by days past due, for
 * every frequency: 0 / 1–90 / 91–120 / 121–180 / over 180 → 1 / 5 / 15 / 50 / 100 %.</li>
 * <li>{@code LKM}: microfinance institutions (POJK 62/2015), three classes by missed installments:
 * monthly up to 3 / 4–9 / over 9, weekly up to 4 / 5–8 / over 8 → 0 / 50 / 100 %.</li>
 * <li>{@code UPK}: revolving-fund units as SI UPK ships it, by months of missed installments
 * 0 / 1–2 / 3–4 / 5–6 / over 6 → 1 / 10 / 25 / 50 / 100 %. A weekly loan's months in arrears are
 * its missed weekly installments divided by four, rounded up (one missed week already counts as a
 * month, as one missed monthly installment does), so its bands are 0 / 1–8 / 9–16 / 17–24 / over
 * 24 missed weekly installments.</li>
 * </ul>
 */
public enum QualityPreset {
    BANK(bank(), bank()),
    LKM(lkm(3, 9), lkm(4, 8)),
    UPK(upk(1), upk(4));

    private final QualityTable monthly;
    private final QualityTable weekly;

    QualityPreset(QualityTable monthly, QualityTable weekly) {
        this.monthly = monthly;
        this.weekly = weekly;
    }

    /** The table a loan with installments at this frequency is classified by. */
    public QualityTable table(Frequency frequency) {
        return frequency == Frequency.WEEKLY ? weekly : monthly;
    }

    private static QualityTable bank() {
        return QualityTable.of(QualityMeasure.DAYS_PAST_DUE, List.of(QualityClass.of(LANCAR, 0, 1),
                QualityClass.of(DALAM_PERHATIAN_KHUSUS, 90, 5), QualityClass.of(KURANG_LANCAR, 120, 15),
                QualityClass.of(DIRAGUKAN, 180, 50), QualityClass.of(MACET, null, 100)));
    }

    private static QualityTable lkm(int lancarUpTo, int diragukanUpTo) {
        return QualityTable.of(QualityMeasure.MISSED_INSTALLMENTS, List.of(QualityClass.of(LANCAR, lancarUpTo, 0),
                QualityClass.of(DIRAGUKAN, diragukanUpTo, 50), QualityClass.of(MACET, null, 100)));
    }

    /** UPK's bands in months, as installments: {@code perMonth} installments fall due in a month. */
    private static QualityTable upk(int perMonth) {
        return QualityTable.of(QualityMeasure.MISSED_INSTALLMENTS, List.of(QualityClass.of(LANCAR, 0, 1),
                QualityClass.of(DALAM_PERHATIAN_KHUSUS, 2 * perMonth, 10),
                QualityClass.of(KURANG_LANCAR, 4 * perMonth, 25), QualityClass.of(DIRAGUKAN, 6 * perMonth, 50),
                QualityClass.of(MACET, null, 100)));
    }
}
