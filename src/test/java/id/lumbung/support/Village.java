package id.lumbung.support;

import static id.lumbung.support.Api.as;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.lumbung.platform.security.Role;
import io.restassured.response.Response;

/**
 * An LED in a district of its own with one of everything, made through the API as its users would:
 * opening balances, a grant, a contribution, an expense, a transfer, members and a KUB group, savings,
 * a loan product, loans (repaid, rescheduled, written off), a KUB group loan with a repayment, an
 * adjustment, a pending adjustment, a provision, a field batch and a pending year-end close. Tests that
 * walk every operation of the contract take their path ids from {@link #ids(String)}, so every path names
 * a row that exists.
 */
public final class Village {

    private static final AtomicInteger SERIAL = new AtomicInteger(1);
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    public final String name;
    public final UUID district;
    public final UUID led;
    public final UUID grant;
    public final UUID contribution;
    public final UUID expense;
    public final UUID transfer;
    public final UUID member;
    public final UUID group;
    public final UUID movement;
    public final UUID product;
    public final UUID loan;
    public final UUID repayment;
    public final UUID rescheduled;
    public final UUID writtenOff;
    public final UUID groupLoan;
    public final UUID groupRepayment;
    public final UUID entry;
    public final UUID pending;
    public final UUID provision;
    public final UUID programme;
    public final UUID session;
    public final UUID trainee;
    public final UUID evaluation;
    public final UUID batch;
    /** A year-end close of the year before the village's loans, waiting for a second manager. */
    public final UUID yearEnd;
    /** Every member's NIK in full: a test that scans answers and logs for personal data looks for these. */
    public final List<String> niks = new ArrayList<>();
    /** Every member's name, unique to this village: another village's answer must never contain one. */
    public final List<String> memberNames = new ArrayList<>();

    private Village(String name) {
        this.name = name;
        district = Api.createDistrict();
        led = Api.createLed(district);
        String manager = Tokens.manager(led);
        String clerk = Tokens.clerk(led);
        // Opening balances go first: they are refused once the LED has any entry.
        post(manager, "/opening-balances", Map.of("effectiveDate", day(-500), "description", "Saldo awal " + name,
                "lines", List.of(Map.of("account", "1-1100", "debit", "10000000.00"),
                        Map.of("account", "1-1200", "debit", "90000000.00"),
                        Map.of("account", "3-1200", "credit", "100000000.00"))), 201);
        grant = id(post(manager, "/grants", Map.of("source", "APBD Kabupaten Kampar 2026", "decreeNumber",
                "SK 412/2026", "amount", "500000000.00", "receivedOn", day(-400), "account", "1-1200"), 201));
        contribution = id(post(clerk, "/contributions", Map.of("type", "COMMUNITY_EQUITY", "amount", "2500000.00",
                "receivedOn", day(-300), "description", "Swadaya warga " + name), 201));
        expense = id(post(clerk, "/expenses", Map.of("account", "5-1100", "amount", "350000.00", "paidOn",
                day(-300), "description", "Cetak buku kas", "payee", "Percetakan Sinar", "paidFrom", "1-1100"), 201));
        transfer = id(post(clerk, "/transfers", Map.of("from", "1-1200", "to", "1-1100", "amount", "5000000",
                "on", day(-300), "description", "Tarik tunai dari bank"), 201));
        member = member(clerk, name + " Siti", null);
        group = id(post(clerk, "/groups", Map.of("name", "KUB Mawar " + name, "leaderMemberId", member), 201));
        UUID second = member(clerk, name + " Dewi", group);
        UUID third = member(clerk, name + " Rina", null);
        UUID fourth = member(clerk, name + " Ani", null);
        movement = id(post(clerk, "/members/" + member + "/savings/deposits", Map.of("amount", "50000.00",
                "receivedOn", day(-250), "description", "Simpanan wajib"), 201));
        product = id(post(manager, "/loan-products", Map.of("name", "Pinjaman Modal " + name, "interestMethod",
                "FLAT", "interestRate", "1.5", "ratePeriod", "MONTH", "frequency", "MONTHLY", "installments", 10,
                "graceInstallments", 0, "adminFeePercent", "1", "penaltyRatePerDay", "0.1"), 201));
        loan = disbursed(third, day(-200));
        repayment = id(post(clerk, "/loans/" + loan + "/repayments", Map.of("amount", "345000", "paidOn",
                day(-170)), 201));
        rescheduled = disbursed(fourth, day(-200));
        post(manager, "/loans/" + rescheduled + "/reschedule", Map.of("on", day(-10), "installments", 12,
                "interestRate", "1", "graceInstallments", 2, "reason", "Usaha terhenti karena banjir"), 202);
        writtenOff = disbursed(second, day(-200));
        post(manager, "/loans/" + writtenOff + "/write-off", Map.of("on", day(-5), "reason",
                "Anggota pindah ke luar daerah"), 202);
        groupLoan = id(post(clerk, "/groups/" + group + "/loans", Map.of("productId", product, "shares",
                List.of(Map.of("memberId", member, "principal", "3000000"), Map.of("memberId", second, "principal",
                        "2000000")), "purpose", "Modal usaha anyaman pandan"), 201));
        post(manager, "/groups/" + group + "/loans/" + groupLoan + "/approval", Map.of(), 200);
        post(manager, "/groups/" + group + "/loans/" + groupLoan + "/disbursement", Map.of("disbursedOn",
                day(-150)), 201);
        groupRepayment = id(post(clerk, "/groups/" + group + "/loans/" + groupLoan + "/repayments", Map.of(
                "amount", "690000", "paidOn", day(-120)), 201));
        entry = id(post(manager, "/journal-entries", Api.entry(day(-100), "5-1100", "1-1100", "150000.00"), 201));
        // From here on every adjustment above 1,000 waits for a second manager.
        as(manager).body(Map.of("adjustmentApprovalThreshold", "1000")).put(base() + "/settings/lending")
                .then().statusCode(200);
        pending = id(post(manager, "/journal-entries", Api.entry(day(-90), "5-1100", "1-1100", "5000.00"), 202));
        provision = id(post(manager, "/provisions", Map.of("asOf", day(-1)), 201));
        programme = id(post(Tokens.trainer(led), "/programmes", Map.of("name", "Pelatihan Kewirausahaan " + name,
                "startsOn", day(-100), "endsOn", day(80), "venue", "Balai Desa", "modules", List.of(Map.of(
                        "code", "KEU", "title", "Pengelolaan Keuangan", "area", "FINANCIAL_MANAGEMENT")), "funding",
                List.of(Map.of("source", "SPONSOR", "name", "CSR PT Pertamina Hulu Rokan", "amount", "30000000"))),
                201));
        session = id(post(Tokens.trainer(led), "/programmes/" + programme + "/sessions", Map.of("heldOn", day(-90),
                "moduleCode", "KEU"), 201));
        trainee = id(post(Tokens.trainer(led), "/programmes/" + programme + "/trainees", Map.of("memberId", member),
                201));
        evaluation = id(post(Tokens.trainer(led), "/trainees/" + trainee + "/evaluations", Map.of("moduleCode", "KEU",
                "score", 70, "evaluatedOn", day(-50)), 201));
        batch = id(post(clerk, "/batches", Map.of("deviceId", "hp-" + name, "operations", List.of(Map.of("key",
                "village-" + name, "op", "SAVINGS_DEPOSIT", "memberId", member, "amount", "10000.00",
                "receivedOn", day(-1)))), 200));
        int lastYear = java.time.LocalDate.parse(day(0)).getYear() - 1;
        yearEnd = id(post(manager, "/year-end", Map.of("year", lastYear, "allocation", List.of(), "decidedOn",
                day(0), "decisionReference", "Berita Acara MAD " + name), 202));
    }

    /** A village named {@code name} (it goes into member names, so keep it unique per test run). */
    public static Village of(String name) {
        return new Village(name);
    }

    public String base() {
        return "/api/v1/leds/" + led;
    }

    /** Tokens of every role, each scoped to this village (its LED, or for the officer its district). */
    public Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(Role.ADMIN, Tokens.admin());
        tokens.put(Role.DISTRICT_OFFICER, Tokens.districtOfficer(district));
        tokens.put(Role.LED_MANAGER, Tokens.manager(led));
        tokens.put(Role.LED_CLERK, Tokens.clerk(led));
        tokens.put(Role.AUDITOR, Tokens.auditor(led));
        tokens.put(Role.TRAINER, Tokens.trainer(led));
        return tokens;
    }

    /**
     * The seeded id for each path parameter of a contract path template, chosen so that the row fits
     * the operation (a group loan under {@code /groups/{groupId}/loans}, the rescheduled loan under
     * {@code /reschedule}, the written-off one under {@code /write-off}).
     *
     * @throws IllegalArgumentException for a parameter this village has no row for (a new endpoint:
     *     seed one and name it here)
     */
    public Map<String, String> ids(String template) {
        Map<String, String> ids = new LinkedHashMap<>();
        boolean groupLoans = template.contains("/groups/{groupId}/loans");
        Matcher parameters = PARAMETER.matcher(template);
        while (parameters.find()) {
            String parameter = parameters.group(1);
            UUID value = switch (parameter) {
                case "districtId" -> district;
                case "ledId" -> led;
                case "accountCode" -> null;
                case "contributionId" -> contribution;
                case "expenseId" -> expense;
                case "grantId" -> grant;
                case "groupId" -> group;
                case "transferId" -> transfer;
                case "memberId" -> member;
                case "movementId" -> movement;
                case "productId" -> product;
                case "entryId" -> entry;
                case "pendingId" -> pending;
                case "provisionId" -> provision;
                case "programmeId" -> programme;
                case "sessionId" -> session;
                case "traineeId" -> trainee;
                case "evaluationId" -> evaluation;
                case "batchId" -> batch;
                case "yearEndId" -> yearEnd;
                case "repaymentId" -> groupLoans ? groupRepayment : repayment;
                case "loanId" -> groupLoans ? groupLoan
                        : template.contains("/reschedule") ? rescheduled
                        : template.contains("/write-off") || template.contains("/recoveries") ? writtenOff : loan;
                default -> throw new IllegalArgumentException("Village has no row for path parameter {" + parameter
                        + "} of " + template + ": seed one in support/Village");
            };
            ids.put(parameter, value == null ? "1-1100" : value.toString());
        }
        return ids;
    }

    /** The template with each parameter replaced by its value. */
    public static String fill(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
    }

    private UUID member(String clerk, String fullName, UUID inGroup) {
        int serial = SERIAL.getAndIncrement();
        // Region 147101 (not used elsewhere in the tests), a woman born 5 July 1990, a serial of our own.
        String nik = String.format("147101450790%04d", serial % 9999 + 1);
        Map<String, Object> body = new HashMap<>(Map.of("name", fullName, "nik", nik, "gender", "F",
                "birthDate", "1990-07-05"));
        if (inGroup != null) {
            body.put("groupId", inGroup);
        }
        niks.add(nik);
        memberNames.add(fullName);
        return id(post(clerk, "/members", body, 201));
    }

    private UUID disbursed(UUID borrower, String on) {
        UUID applied = id(post(Tokens.clerk(led), "/loans", Map.of("memberId", borrower, "productId", product,
                "principal", "3000000", "purpose", "Modal usaha kerupuk sagu"), 201));
        post(Tokens.manager(led), "/loans/" + applied + "/approval", Map.of(), 200);
        post(Tokens.manager(led), "/loans/" + applied + "/disbursement", Map.of("disbursedOn", on), 201);
        return applied;
    }

    private Response post(String token, String tail, Object body, int status) {
        Response response = as(token).body(body).post(base() + tail);
        response.then().statusCode(status);
        return response;
    }

    private static UUID id(Response response) {
        return UUID.fromString(response.then().extract().path("id"));
    }

    public static String day(int offset) {
        return LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(offset).toString();
    }
}
