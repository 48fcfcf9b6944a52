package id.lumbung.opening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import id.lumbung.ledger.account.AccountService;
import id.lumbung.money.Amount;
import id.lumbung.money.InvalidAmountException;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;

/**
 * Reads opening balances from CSV as a spreadsheet exports it: a header row
 * {@code account,debit,credit}, then one row per account with the unused side empty or 0.
 * Comma-separated, amounts as plain decimals with a dot ({@code 1500000.00}); blank lines and a
 * UTF-8 byte-order mark are ignored. Errors name the file's line numbers (the header is line 1).
 */
final class OpeningBalanceCsv {

    static final List<String> HEADER = List.of("account", "debit", "credit");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setTrim(true)
            // Kept so that each record's position maps to its line; blank records are skipped below.
            .setIgnoreEmptyLines(false)
            .get();

    private OpeningBalanceCsv() {
    }

    /** The checked lines, or 400 listing every bad line with its number. */
    static List<OpeningLines.Line> parse(String text) {
        String csv = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        int[] lineStarts = lineStarts(csv);
        OpeningLines lines = new OpeningLines();
        boolean header = false;
        try (CSVParser parser = CSVParser.parse(csv, FORMAT)) {
            for (CSVRecord record : parser) {
                int line = lineOf(lineStarts, record.getCharacterPosition());
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (!header) {
                    header = true;
                    List<String> names = record.toList().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
                    if (!names.equals(HEADER)) {
                        throw invalid(List.of(new Problem.FieldError("line " + line,
                                "the header row must be " + String.join(",", HEADER) + ", found "
                                        + abbreviate(String.join(",", record.toList())))));
                    }
                    continue;
                }
                read(record, "line " + line, lines);
            }
        } catch (UncheckedIOException | IOException e) {
            // Commons CSV says where it stopped (an unclosed quote); never echo more than that.
            throw invalid(List.of(new Problem.FieldError("csv", "not readable as CSV: "
                    + abbreviate(String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage())))));
        }
        if (!header) {
            throw invalid(List.of(new Problem.FieldError("line 1",
                    "empty file: expected the header row " + String.join(",", HEADER))));
        }
        return lines.checked();
    }

    private static void read(CSVRecord record, String where, OpeningLines lines) {
        if (record.size() != HEADER.size()) {
            lines.reject(where, "expected 3 columns (account,debit,credit), found " + record.size());
            return;
        }
        String account = record.get(0);
        boolean ok = true;
        if (!account.matches(AccountService.CODE_PATTERN)) {
            lines.reject(where + ".account", "'" + abbreviate(account) + "' is not an account code such as 1-1100");
            ok = false;
        }
        Amount debit = null;
        Amount credit = null;
        try {
            debit = amount(record.get(1));
        } catch (InvalidAmountException e) {
            lines.reject(where + ".debit", e.getMessage());
            ok = false;
        }
        try {
            credit = amount(record.get(2));
        } catch (InvalidAmountException e) {
            lines.reject(where + ".credit", e.getMessage());
            ok = false;
        }
        if (ok) {
            lines.add(where, account, debit, credit);
        }
    }

    private static Amount amount(String text) {
        return text.isEmpty() ? null : Amount.parse(text);
    }

    private static ApiException invalid(List<Problem.FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION_FAILED,
                errors.get(0).field() + ": " + errors.get(0).message(), errors);
    }

    /** Character offsets at which each line of the text starts, for turning positions into line numbers. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line that contains this character offset. */
    private static int lineOf(int[] lineStarts, long position) {
        int index = Arrays.binarySearch(lineStarts, (int) position);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
