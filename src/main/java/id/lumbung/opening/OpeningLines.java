package id.lumbung.opening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.lumbung.money.Amount;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;

/**
 * Collects opening balance lines from JSON or CSV and checks each on its own: exactly one side
 * greater than zero, nothing negative, each account once. Every bad line is reported, named as
 * the client knows it ({@code lines[2]} in JSON, {@code line 4} of a CSV file), in one 400.
 */
final class OpeningLines {

    /** Enough for a chart with every member's savings sub-account; posting lines are a smallint. */
    static final int MAX_LINES = 5000;

    /** A checked line: {@code where} names it in later errors (unknown account). */
    record Line(String where, String account, Amount debit, Amount credit) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<Problem.FieldError> errors = new ArrayList<>();
    private final Map<String, String> seen = new HashMap<>();

    /** Adds a line whose fields parsed; zero on a side counts as empty. */
    void add(String where, String account, Amount debit, Amount credit) {
        int before = errors.size();
        if (debit != null && debit.value().signum() < 0) {
            errors.add(new Problem.FieldError(where + ".debit", "must not be negative"));
        }
        if (credit != null && credit.value().signum() < 0) {
            errors.add(new Problem.FieldError(where + ".credit", "must not be negative"));
        }
        Amount usedDebit = debit == null || debit.isZero() ? null : debit;
        Amount usedCredit = credit == null || credit.isZero() ? null : credit;
        if (errors.size() == before && (usedDebit == null) == (usedCredit == null)) {
            errors.add(new Problem.FieldError(where, "exactly one of debit and credit must be greater than zero"));
        }
        String first = seen.putIfAbsent(account, where);
        if (first != null) {
            errors.add(new Problem.FieldError(where + ".account", account + " is already on " + first));
        }
        if (errors.size() == before) {
            lines.add(new Line(where, account, usedDebit, usedCredit));
        }
    }

    /** Records a line that could not be read at all. */
    void reject(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    /** The lines, or 400 listing every bad one. */
    List<Line> checked() {
        if (errors.isEmpty() && lines.size() > MAX_LINES) {
            errors.add(new Problem.FieldError("lines", "at most " + MAX_LINES + " lines"));
        }
        if (errors.isEmpty() && lines.size() < 2) {
            errors.add(new Problem.FieldError("lines", "at least two lines: debits on one, credits on another"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.ofFields(ProblemType.VALIDATION_FAILED, errors, "problems in the opening balance lines");
        }
        return List.copyOf(lines);
    }
}
