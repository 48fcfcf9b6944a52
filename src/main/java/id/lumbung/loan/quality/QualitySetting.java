package id.lumbung.loan.quality;

import java.util.List;
import java.util.Objects;

import id.lumbung.loan.schedule.Frequency;

/**
 * How an LED classifies its loans: one of the presets, or its own table for loans of every
 * frequency ({@code preset} null).
 */
public record QualitySetting(QualityPreset preset, QualityTable custom) {

    /** What an LED that never chose classifies by. */
    public static final QualitySetting DEFAULT = new QualitySetting(QualityPreset.BANK, null);

    public QualitySetting {
        if ((preset == null) == (custom == null)) {
            throw new IllegalArgumentException("a quality setting is a preset or a custom table, exactly one");
        }
    }

    public static QualitySetting of(QualityPreset preset) {
        return new QualitySetting(Objects.requireNonNull(preset, "preset"), null);
    }

    public static QualitySetting custom(QualityTable table) {
        return new QualitySetting(null, Objects.requireNonNull(table, "table"));
    }

    /** The table loans with installments at this frequency are classified by. */
    public QualityTable table(Frequency frequency) {
        return preset != null ? preset.table(frequency) : custom;
    }

    /**
     * The class of a loan with installments at {@code frequency}, {@code daysPastDue} days past due
     * and {@code missedInstallments} installments due and not fully paid.
     */
    public QualityClass classify(Frequency frequency, int daysPastDue, int missedInstallments) {
        QualityTable table = table(frequency);
        return table.classify(table.measure() == QualityMeasure.DAYS_PAST_DUE ? daysPastDue : missedInstallments);
    }

    /** Every class a loan can be in under this setting, best first (the same for both frequencies). */
    public List<QualityClass> classes() {
        return table(Frequency.MONTHLY).classes();
    }
}
