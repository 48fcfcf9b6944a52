package id.lumbung.member;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.time.Timestamps;

/**
 * Registers many members from a CSV file, all or nothing. Every row gets the same checks as
 * {@code POST /members} (the row becomes a {@link MemberRequest} and goes through the same Bean
 * Validation and NIK rules); existing NIKs and group names of the LED are read once, and the rows
 * are written by one multi-row statement, so 10,000 rows take a few round trips, not 10,000.
 */
@ApplicationScoped
public class MemberImportService {

    public static final List<String> HEADER = List.of("name", "nik", "gender", "birthDate", "hamlet", "phone",
            "groupName");
    /** More bad rows than this are counted in the detail but not listed one by one. */
    static final int MAX_LISTED = 1000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private final DataSource dataSource;
    private final Validator validator;
    private final AuditTrail audit;

    public MemberImportService(DataSource dataSource, Validator validator, AuditTrail audit) {
        this.audit = audit;
        this.dataSource = dataSource;
        this.validator = validator;
    }

    /** A row that passed every check, ready to insert. */
    private record Row(MemberRequest member) {
    }

    @Transactional
    public ImportView importCsv(UUID ledId, String csv, String by) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, UUID> groups = GroupService.idsByName(connection, ledId);
            Set<String> existing = existingNiks(connection, ledId);
            List<Problem.FieldError> errors = new ArrayList<>();
            List<Row> rows = parse(csv, groups, existing, errors);
            if (!errors.isEmpty()) {
                List<Problem.FieldError> listed = errors.size() > MAX_LISTED ? errors.subList(0, MAX_LISTED) : errors;
                long badLines = errors.stream().map(e -> e.field().substring(0, e.field().indexOf('.')))
                        .distinct().count();
                throw new ApiException(ProblemType.VALIDATION_FAILED, badLines + " of " + (rows.size() + badLines)
                        + " rows are invalid; nothing was imported"
                        + (errors.size() > MAX_LISTED ? " (the first " + MAX_LISTED + " problems are listed)" : ""),
                        listed);
            }
            if (rows.isEmpty()) {
                throw ApiException.invalidField("body", "the file has a header but no rows");
            }
            int inserted = insert(connection, ledId, rows, by);
            if (inserted != rows.size()) {
                // Someone registered one of these NIKs while the file was being checked.
                throw MemberService.duplicateNik();
            }
            // One event for the file, not one per row: an import of thousands stays one append.
            audit.record(ledId, "members.imported", "member-import", null,
                    Changes.of().field("members", null, inserted));
            return new ImportView(inserted);
        } catch (SQLException e) {
            throw MemberService.failed("importing members", e);
        }
    }

    private List<Row> parse(String csv, Map<String, UUID> groups, Set<String> existing,
            List<Problem.FieldError> errors) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<Row> rows = new ArrayList<>();
        Map<String, Long> nikLines = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                if (header) {
                    checkHeader(record);
                    header = false;
                    continue;
                }
                // The physical line where the record ends: what a spreadsheet user sees, blank lines included.
                long line = parser.getCurrentLineNumber();
                String prefix = "line " + line + ".";
                if (record.size() != HEADER.size()) {
                    errors.add(new Problem.FieldError("line " + line + ".row",
                            "has " + record.size() + " columns; expected " + HEADER.size()));
                    continue;
                }
                int before = errors.size();
                Row row = check(record, prefix, groups, errors);
                if (row != null && errors.size() == before) {
                    String nik = row.member().nik();
                    Long first = nikLines.putIfAbsent(nik, line);
                    if (first != null) {
                        errors.add(new Problem.FieldError(prefix + "nik", "duplicates the NIK of line " + first));
                    } else if (existing.contains(nik)) {
                        errors.add(new Problem.FieldError(prefix + "nik",
                                "a member with this NIK is already registered in this LED"));
                    } else {
                        rows.add(row);
                    }
                }
            }
            if (header) {
                throw wrongHeader("the file is empty");
            }
        } catch (IOException e) {
            throw ApiException.invalidField("body", "is not valid CSV");
        } catch (IllegalStateException | UncheckedIOException e) {
            // Commons CSV reports broken quoting this way; its message quotes no field content.
            throw ApiException.invalidField("body", "is not valid CSV (unbalanced quotes?)");
        }
        return rows;
    }

    private static void checkHeader(CSVRecord record) {
        List<String> found = record.toList();
        if (!found.equals(HEADER)) {
            throw wrongHeader("found '" + String.join(",", found) + "'");
        }
    }

    private static ApiException wrongHeader(String found) {
        String expected = String.join(",", HEADER);
        return new ApiException(ProblemType.VALIDATION_FAILED, "the first line must be the header '" + expected
                + "'; " + found, List.of(new Problem.FieldError("line 1", "must be exactly '" + expected + "'")));
    }

    /** The row as a request, with each problem added to {@code errors} under {@code line N.field}. */
    private Row check(CSVRecord record, String prefix, Map<String, UUID> groups, List<Problem.FieldError> errors) {
        Gender gender = null;
        String genderText = record.get(2);
        try {
            gender = genderText.isEmpty() ? null : Gender.valueOf(genderText);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(prefix + "gender", "must be F or M"));
        }
        LocalDate birthDate = null;
        String birthText = record.get(3);
        try {
            birthDate = birthText.isEmpty() ? null : LocalDate.parse(birthText);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(prefix + "birthDate", "must be a date YYYY-MM-DD"));
        }
        UUID groupId = null;
        String groupName = record.get(6);
        if (!groupName.isEmpty()) {
            groupId = groups.get(groupName);
            if (groupId == null) {
                errors.add(new Problem.FieldError(prefix + "groupName",
                        "no KUB group with this name in this LED; create the group first"));
            }
        }
        String nik = record.get(1);
        MemberRequest member = new MemberRequest(record.get(0), nik, gender, birthDate, emptyToNull(record.get(4)),
                emptyToNull(record.get(5)), groupId);
        Set<String> reported = new HashSet<>();
        errors.stream().filter(e -> e.field().startsWith(prefix)).forEach(e -> reported.add(e.field()));
        List<Problem.FieldError> violations = new ArrayList<>();
        for (ConstraintViolation<MemberRequest> violation : validator.validate(member)) {
            String field = prefix + violation.getPropertyPath().toString();
            if (!field.endsWith(".nik") && reported.add(field)) {
                violations.add(new Problem.FieldError(field, violation.getMessage()));
            }
        }
        violations.sort(java.util.Comparator.comparing(Problem.FieldError::field));
        errors.addAll(violations);
        String nikProblem = Nik.problem(nik, gender, birthDate);
        if (nikProblem != null) {
            errors.add(new Problem.FieldError(prefix + "nik", nikProblem));
        }
        return new Row(member);
    }

    private static Set<String> existingNiks(Connection connection, UUID ledId) throws SQLException {
        Set<String> niks = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT nik FROM member WHERE led_id = ?")) {
            select.setObject(1, ledId);
            select.setFetchSize(5000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    niks.add(row.getString(1));
                }
            }
        }
        return niks;
    }

    /** One statement for all rows: the columns travel as arrays and {@code unnest} turns them into rows. */
    private static int insert(Connection connection, UUID ledId, List<Row> rows, String by) throws SQLException {
        int n = rows.size();
        String[][] columns = new String[8][n];
        for (int i = 0; i < n; i++) {
            MemberRequest m = rows.get(i).member();
            columns[0][i] = Ids.next().toString();
            columns[1][i] = m.name().strip();
            columns[2][i] = m.nik();
            columns[3][i] = m.gender().name();
            columns[4][i] = m.birthDate().toString();
            columns[5][i] = MemberService.blankToNull(m.hamlet());
            columns[6][i] = MemberService.blankToNull(m.phone());
            columns[7][i] = m.groupId() == null ? null : m.groupId().toString();
        }
        var now = MemberService.utc(Timestamps.now());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO member (led_id, id, name, nik, gender, birth_date, hamlet, phone, group_id,
                                    created_at, created_by, updated_at, updated_by)
                SELECT ?, u.id::uuid, u.name, u.nik, u.gender, u.birth_date::date, u.hamlet, u.phone, u.group_id::uuid,
                       ?, ?, ?, ?
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                       AS u(id, name, nik, gender, birth_date, hamlet, phone, group_id)
                ON CONFLICT ON CONSTRAINT member_nik_unique DO NOTHING""")) {
            insert.setObject(1, ledId);
            insert.setObject(2, now);
            insert.setString(3, by);
            insert.setObject(4, now);
            insert.setString(5, by);
            List<Array> arrays = new ArrayList<>();
            for (int c = 0; c < columns.length; c++) {
                Array array = connection.createArrayOf("text", columns[c]);
                arrays.add(array);
                insert.setArray(6 + c, array);
            }
            try {
                return insert.executeUpdate();
            } finally {
                for (Array array : arrays) {
                    array.free();
                }
            }
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
