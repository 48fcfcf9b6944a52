package id.lumbung.loan.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A kolektibilitas table: what its bounds count and its classes, best first. Valid when it has 3 or
 * 5 classes in the scheme's order from LANCAR to MACET, bounds whole, not negative and strictly
 * increasing, only the last class open-ended, and rates from 0 to 100 % that never fall for a worse
 * class.
 */
public record QualityTable(QualityMeasure measure, List<QualityClass> classes) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A rule the table breaks: the request field ({@code classes[2].upTo}) and why. */
    public record Violation(String field, String message) {
    }

    public QualityTable {
        classes = List.copyOf(classes);
    }

    /** The rules this table breaks, in field order; empty when it is valid. */
    public static List<Violation> violations(QualityMeasure measure, List<QualityClass> classes) {
        List<Violation> found = new ArrayList<>();
        if (measure == null) {
            found.add(new Violation("measure", "DAYS_PAST_DUE or MISSED_INSTALLMENTS"));
        }
        if (classes == null || classes.size() != 3 && classes.size() != 5) {
            found.add(new Violation("classes", "a table has 3 or 5 classes, not "
                    + (classes == null ? 0 : classes.size())));
            return found;
        }
        int last = classes.size() - 1;
        for (int i = 0; i <= last; i++) {
            QualityClass c = classes.get(i);
            String at = "classes[" + i + "]";
            if (c == null || c.kolektibilitas() == null) {
                found.add(new Violation(at + ".class", "must be one of LANCAR, DALAM_PERHATIAN_KHUSUS, "
                        + "KURANG_LANCAR, DIRAGUKAN, MACET"));
                continue;
            }
            QualityClass before = i == 0 ? null : classes.get(i - 1);
            found.addAll(classViolations(c, before, at, i, last));
        }
        return found;
    }

    private static List<Violation> classViolations(QualityClass c, QualityClass before, String at, int i,
            int last) {
        List<Violation> found = new ArrayList<>();
        boolean hasBefore = before != null && before.kolektibilitas() != null;
        if (i == 0 && c.kolektibilitas() != Kolektibilitas.LANCAR) {
            found.add(new Violation(at + ".class", "the first class is LANCAR"));
        } else if (i == last && c.kolektibilitas() != Kolektibilitas.MACET) {
            found.add(new Violation(at + ".class", "the last class is MACET"));
        } else if (hasBefore && c.kolektibilitas().ordinal() <= before.kolektibilitas().ordinal()) {
            found.add(new Violation(at + ".class", "classes go from LANCAR to MACET in the scheme's order, "
                    + "each once; " + c.kolektibilitas() + " cannot follow " + before.kolektibilitas()));
        }
        if (i == last && c.upTo() != null) {
            found.add(new Violation(at + ".upTo", "the last class is open-ended: upTo must be null"));
        } else if (i < last && c.upTo() == null) {
            found.add(new Violation(at + ".upTo", "only the last class is open-ended; this one needs a bound"));
        } else if (i == 0 && c.upTo() < 0) {
            found.add(new Violation(at + ".upTo", "must not be negative"));
        } else if (c.upTo() != null && hasBefore && before.upTo() != null && c.upTo() <= before.upTo()) {
            found.add(new Violation(at + ".upTo", "bounds increase strictly: " + c.upTo() + " is not above "
                    + before.upTo()));
        }
        BigDecimal percent = c.provisionPercent();
        if (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            found.add(new Violation(at + ".provisionPercent", "from 0 to 100"));
        } else if (percent.stripTrailingZeros().scale() > 2) {
            found.add(new Violation(at + ".provisionPercent", "at most two decimals"));
        } else if (hasBefore && before.provisionPercent() != null
                && percent.compareTo(before.provisionPercent()) < 0) {
            found.add(new Violation(at + ".provisionPercent", "a worse class never needs less provision than "
                    + before.kolektibilitas() + " (" + before.provisionPercent().toPlainString() + ")"));
        }
        return found;
    }

    /** The table, or IllegalArgumentException naming what it breaks (the service checks first). */
    public static QualityTable of(QualityMeasure measure, List<QualityClass> classes) {
        List<Violation> found = violations(measure, classes);
        if (!found.isEmpty()) {
            throw new IllegalArgumentException("invalid quality table: " + found);
        }
        return new QualityTable(measure, classes);
    }

    /** The class of a loan whose measure is {@code value} (never negative). */
    public QualityClass classify(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a measure is never negative: " + value);
        }
        for (QualityClass c : classes) {
            if (c.holds(value)) {
                return c;
            }
        }
        throw new IllegalStateException("the last class is open-ended");
    }

    /** The class of this name in the table, or null when the table has none. */
    public QualityClass find(Kolektibilitas kolektibilitas) {
        return classes.stream().filter(c -> c.kolektibilitas() == kolektibilitas).findFirst().orElse(null);
    }
}
