import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.lumbung.platform.security.DevTokenCli;

/**
 * The load driver and the judge of scripts/chaos/crash-under-load.sh. Run in source-file mode with the
 * packaged application on the class path (for the dev token signer, Jackson and the PostgreSQL driver):
 *
 * <pre>java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*' \
 *     scripts/chaos/CrashLoad.java --url http://127.0.0.1:18090 --work DIR --jdbc URL [options]</pre>
 *
 * Phases: (1) setup through the API: a district, LEDs with cash, a grant, members with savings and
 * disbursed loans; writes DIR/setup-done. (2) N clients send keyed money requests for --duration
 * seconds while the script kills and restarts the service and PostgreSQL; every request is retried
 * with the same key and body until it gets a definitive answer (2xx acknowledged, 4xx refused).
 * (3) Once DIR/chaos-done exists (service and database up again): checks the books through SQL and
 * the API against what was acknowledged, prints the table and exits 1 on any violation.
 * Money is BigDecimal throughout, never floating point.
 */
public final class CrashLoad {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final String PROBLEM_PREFIX = "urn:lumbung:problem:";

    // --- options ---
    static String url;
    static Path work;
    static String jdbcUrl;
    static String dbUser = "lumbung";
    static String dbPassword = "lumbung";
    static Path repo = Path.of(".");
    static int clients = 16;
    static int ledCount = 4;
    static int membersPerLed = 6;
    static int loansPerLed = 3;
    static int durationSeconds = 120;
    static int drainSeconds = 300;
    static long seed = 20261202L;

    // --- counters (attempts are HTTP requests, operations are keys) ---
    static final LongAdder ATTEMPTS = new LongAdder();
    static final LongAdder CONNECTION_FAILURES = new LongAdder();
    static final LongAdder TIMEOUTS = new LongAdder();
    static final LongAdder OTHER_5XX = new LongAdder();
    static final LongAdder IN_FLIGHT_409 = new LongAdder();
    static final LongAdder REPLAYED = new LongAdder();
    static final ConcurrentLinkedQueue<Long> SERVICE_UNAVAILABLE_AT = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<String> SAMPLES = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Op> OPS = new ConcurrentLinkedQueue<>();
    static final AtomicLong OP_IDS = new AtomicLong();
    static final Map<String, LongAdder> STATUS_COUNTS = new ConcurrentHashMap<>();

    static volatile long loadStartedAt;
    static volatile long loadEndsAt;
    static volatile long hardDeadline;
    static volatile boolean stopped;

    /** What one LED looks like to the driver. */
    static final class Led {
        final int index;
        final String id;
        final String managerToken;
        final String clerkToken;
        final List<String> members = new ArrayList<>();
        final List<String> loans = new ArrayList<>();
        long headAfterSetup;
        final Map<String, BigDecimal> balancesAfterSetup = new HashMap<>();
        final Map<String, BigDecimal> savingsAfterSetup = new HashMap<>();
        final Map<String, BigDecimal> outstandingAfterSetup = new HashMap<>();

        Led(int index, String id, String managerToken, String clerkToken) {
            this.index = index;
            this.id = id;
            this.managerToken = managerToken;
            this.clerkToken = clerkToken;
        }
    }

    enum Kind { ADJUSTMENT, ADJUSTMENT_OVERDRAW, EXPENSE, DEPOSIT, WITHDRAWAL, REPAYMENT, REPAYMENT_TOO_LARGE }

    /** One keyed operation: sent, retried with the same key and body, until answered. */
    static final class Op {
        final long id = OP_IDS.incrementAndGet();
        Kind kind;
        Led led;
        String target; // member or loan id
        BigDecimal amount;
        String key;
        String path;
        String token;
        String body;
        String outcome = "UNANSWERED"; // ACKNOWLEDGED, REFUSED, UNANSWERED
        int status;
        String problem;
        String entryId;
        BigDecimal principal = BigDecimal.ZERO; // of a repayment's allocation
        int attempts;
    }

    static List<Led> leds = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        parse(args);
        HttpClient setupClient = client();
        setup(setupClient);
        Files.writeString(work.resolve("setup-done"), "ok\n");
        log("setup done: %d LEDs, %d members and %d loans each; loading with %d clients for %d s", ledCount,
                membersPerLed, loansPerLed, clients, durationSeconds);

        loadStartedAt = System.currentTimeMillis();
        Files.writeString(work.resolve("load-started-ms"), loadStartedAt + "\n");
        loadEndsAt = loadStartedAt + durationSeconds * 1000L;
        hardDeadline = Long.MAX_VALUE;
        Thread stopper = new Thread(CrashLoad::stopWhenScheduleDone, "stopper");
        stopper.setDaemon(true);
        stopper.start();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            final int n = i;
            Thread t = new Thread(() -> work(n), "client-" + n);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        long loadDoneAt = System.currentTimeMillis();
        log("load done after %.1f s", (loadDoneAt - loadStartedAt) / 1000.0);
        int violations = verifyAndReport(setupClient, loadDoneAt);
        System.exit(violations == 0 ? 0 : 1);
    }

    /**
     * Ends the load once --duration has passed and the script has finished its schedule (DIR/chaos-done:
     * every kill and restart done, service and database up), plus 5 s of load on the healed service. A
     * slow restart therefore never leaves the last events without load. From then on no new operation
     * starts and unanswered ones have --drain seconds to get their answer.
     */
    static void stopWhenScheduleDone() {
        try {
            while (System.currentTimeMillis() < loadEndsAt || !Files.exists(work.resolve("chaos-done"))) {
                Thread.sleep(200);
            }
            Thread.sleep(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hardDeadline = System.currentTimeMillis() + drainSeconds * 1000L;
        loadEndsAt = Math.min(loadEndsAt, System.currentTimeMillis());
        stopped = true;
    }

    static void parse(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = value;
                case "--work" -> work = Path.of(value);
                case "--jdbc" -> jdbcUrl = value;
                case "--db-user" -> dbUser = value;
                case "--db-password" -> dbPassword = value;
                case "--repo" -> repo = Path.of(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--leds" -> ledCount = Integer.parseInt(value);
                case "--duration" -> durationSeconds = Integer.parseInt(value);
                case "--drain" -> drainSeconds = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null || work == null || jdbcUrl == null) {
            throw new IllegalArgumentException("--url, --work and --jdbc are required");
        }
        // Only this machine: a load generator aimed elsewhere by mistake is an incident.
        if (!url.matches("http://(127\\.0\\.0\\.1|localhost):[0-9]+") || !jdbcUrl.matches(
                "jdbc:postgresql://(127\\.0\\.0\\.1|localhost):[0-9]+/[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("only 127.0.0.1 is allowed: " + url + " " + jdbcUrl);
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
                .build();
    }

    static void log(String format, Object... args) {
        System.err.printf("crash-load: " + format + "%n", args);
    }

    static LocalDate today() {
        return LocalDate.now(JAKARTA);
    }

    // --- setup -------------------------------------------------------------------------------

    /** A POST during setup (no chaos yet): 201 expected; retried only on connection trouble. */
    static JsonNode create(HttpClient http, String path, String token, String body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "setup-" + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("setup POST " + path + " answered " + response.statusCode()
                            + ": " + response.body());
                }
                return JSON.readTree(response.body());
            } catch (IOException e) {
                if (attempt >= 10) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    static JsonNode get(HttpClient http, String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    static void setup(HttpClient http) throws Exception {
        PrivateKey key = DevTokenCli.readPrivateKey(repo.resolve("config/dev/jwt-private.pem"));
        long ttl = Duration.ofHours(6).toSeconds();
        String admin = DevTokenCli.sign(key, "admin", "chaos-admin", List.of(), List.of(), ttl);
        String stamp = Long.toString(System.currentTimeMillis() / 1000);
        String district = create(http, "/api/v1/districts", admin,
                "{\"code\":\"chaos-" + stamp + "\",\"name\":\"Chaos " + stamp + "\"}").get("id").asText();
        LocalDate today = today();
        String granted = today.minusDays(90).toString();
        String disbursed = today.minusDays(60).toString();
        int serial = 0;
        for (int i = 0; i < ledCount; i++) {
            String ledId = create(http, "/api/v1/leds", admin, "{\"districtId\":\"" + district
                    + "\",\"code\":\"chaos-" + i + "\",\"name\":\"Chaos LED " + i + "\",\"village\":\"Chaos " + i
                    + "\"}").get("id").asText();
            Led led = new Led(i, ledId,
                    DevTokenCli.sign(key, "led-manager", "chaos-manager-" + i, List.of(), List.of(ledId), ttl),
                    DevTokenCli.sign(key, "led-clerk", "chaos-clerk-" + i, List.of(), List.of(ledId), ttl));
            String base = "/api/v1/leds/" + ledId;
            create(http, base + "/grants", led.managerToken, "{\"source\":\"APBD chaos\",\"decreeNumber\":\"SK chaos "
                    + i + "\",\"amount\":\"10000000000\",\"receivedOn\":\"" + granted + "\"}");
            create(http, base + "/contributions", led.clerkToken, "{\"type\":\"COMMUNITY_EQUITY\",\"amount\":"
                    + "\"1000000\",\"receivedOn\":\"" + granted + "\",\"description\":\"Swadaya chaos\"}");
            String product = create(http, base + "/loan-products", led.managerToken, "{\"name\":\"Chaos FLAT\","
                    + "\"interestMethod\":\"FLAT\",\"interestRate\":\"1.5\",\"ratePeriod\":\"MONTH\","
                    + "\"frequency\":\"MONTHLY\",\"installments\":24,\"graceInstallments\":0,"
                    + "\"adminFeePercent\":\"1\",\"penaltyRatePerDay\":\"0.1\"}").get("id").asText();
            for (int m = 0; m < membersPerLed; m++) {
                serial++;
                String member = create(http, base + "/members", led.clerkToken, "{\"name\":\"Anggota chaos " + i
                        + "-" + m + "\",\"nik\":\"" + String.format("140601450790%04d", serial)
                        + "\",\"gender\":\"F\",\"birthDate\":\"1990-07-05\"}").get("id").asText();
                led.members.add(member);
                create(http, base + "/members/" + member + "/savings/deposits", led.clerkToken,
                        "{\"amount\":\"100000\",\"receivedOn\":\"" + disbursed + "\"}");
            }
            for (int l = 0; l < loansPerLed; l++) {
                String loan = create(http, base + "/loans", led.clerkToken, "{\"memberId\":\"" + led.members.get(l)
                        + "\",\"productId\":\"" + product + "\",\"principal\":\"200000000\",\"purpose\":\"chaos\"}")
                        .get("id").asText();
                create(http, base + "/loans/" + loan + "/approval", led.managerToken, "{}");
                create(http, base + "/loans/" + loan + "/disbursement", led.managerToken,
                        "{\"disbursedOn\":\"" + disbursed + "\"}");
                led.loans.add(loan);
            }
            leds.add(led);
        }
        try (Connection db = database()) {
            for (Led led : leds) {
                led.headAfterSetup = scalarLong(db, "SELECT last_number FROM journal_head WHERE led_id = ?::uuid",
                        led.id);
                led.balancesAfterSetup.putAll(balances(db, led.id));
                led.savingsAfterSetup.putAll(savings(db, led.id));
                led.outstandingAfterSetup.putAll(outstanding(db, led.id));
            }
        }
    }

    // --- load --------------------------------------------------------------------------------

    static void work(int n) {
        HttpClient http = client();
        Random random = new Random(seed * 1000 + n);
        while (!stopped) {
            Op op = next(random, n);
            OPS.add(op);
            execute(http, op, random);
        }
    }

    static String amount(Random random, long from, long to) {
        return Long.toString(from + (long) (random.nextDouble() * (to - from)));
    }

    /** The next operation: a mix of adjustments, expenses, savings and repayments, some meant to be refused. */
    static Op next(Random random, int client) {
        Op op = new Op();
        op.led = leds.get(random.nextInt(leds.size()));
        op.key = "chaos-" + client + "-" + op.id + "-" + Long.toHexString(random.nextLong());
        String base = "/api/v1/leds/" + op.led.id;
        String day = today().toString();
        String description = "chaos " + op.key;
        int roll = random.nextInt(100);
        if (roll < 27) {
            op.kind = Kind.ADJUSTMENT;
            op.amount = new BigDecimal(amount(random, 1_000, 100_000));
            op.token = op.led.managerToken;
            op.path = base + "/journal-entries";
            op.body = "{\"effectiveDate\":\"" + day + "\",\"description\":\"" + description + "\",\"postings\":["
                    + "{\"account\":\"5-1100\",\"side\":\"DEBIT\",\"amount\":\"" + op.amount + "\"},"
                    + "{\"account\":\"3-1200\",\"side\":\"CREDIT\",\"amount\":\"" + op.amount + "\"}]}";
        } else if (roll < 30) {
            // Far more than the LED's cash: the no-negative rule on 1-1100 must refuse it.
            op.kind = Kind.ADJUSTMENT_OVERDRAW;
            op.amount = new BigDecimal("999000000000");
            op.token = op.led.managerToken;
            op.path = base + "/journal-entries";
            op.body = "{\"effectiveDate\":\"" + day + "\",\"description\":\"" + description + "\",\"postings\":["
                    + "{\"account\":\"5-1100\",\"side\":\"DEBIT\",\"amount\":\"" + op.amount + "\"},"
                    + "{\"account\":\"1-1100\",\"side\":\"CREDIT\",\"amount\":\"" + op.amount + "\"}]}";
        } else if (roll < 37) {
            // Sized so that cash sometimes runs out and racing expenses meet the no-negative rule.
            op.kind = Kind.EXPENSE;
            op.amount = new BigDecimal(amount(random, 10_000, 800_000));
            op.token = op.led.clerkToken;
            op.path = base + "/expenses";
            op.body = "{\"account\":\"5-1100\",\"amount\":\"" + op.amount + "\",\"paidOn\":\"" + day
                    + "\",\"description\":\"" + description + "\",\"paidFrom\":\"1-1100\"}";
        } else if (roll < 62) {
            op.kind = Kind.DEPOSIT;
            op.target = op.led.members.get(random.nextInt(op.led.members.size()));
            op.amount = new BigDecimal(amount(random, 1_000, 50_000));
            op.token = op.led.clerkToken;
            op.path = base + "/members/" + op.target + "/savings/deposits";
            op.body = "{\"amount\":\"" + op.amount + "\",\"receivedOn\":\"" + day + "\",\"description\":\""
                    + description + "\"}";
        } else if (roll < 84) {
            // Often more than the member's balance (refused: insufficient-savings), racing other clients.
            op.kind = Kind.WITHDRAWAL;
            op.target = op.led.members.get(random.nextInt(op.led.members.size()));
            op.amount = new BigDecimal(amount(random, 1_000, 90_000));
            op.token = op.led.clerkToken;
            op.path = base + "/members/" + op.target + "/savings/withdrawals";
            op.body = "{\"amount\":\"" + op.amount + "\",\"paidOn\":\"" + day + "\",\"description\":\""
                    + description + "\"}";
        } else {
            op.target = op.led.loans.get(random.nextInt(op.led.loans.size()));
            op.token = op.led.clerkToken;
            op.path = base + "/loans/" + op.target + "/repayments";
            if (roll < 98) {
                op.kind = Kind.REPAYMENT;
                op.amount = new BigDecimal(amount(random, 10_000, 200_000));
            } else {
                op.kind = Kind.REPAYMENT_TOO_LARGE;
                op.amount = new BigDecimal("900000000000");
            }
            op.body = "{\"amount\":\"" + op.amount + "\",\"paidOn\":\"" + day + "\"}";
        }
        return op;
    }

    /** Sends the operation until it has a definitive answer or the hard deadline passes. */
    static void execute(HttpClient http, Op op, Random random) {
        int failures = 0;
        while (System.currentTimeMillis() < hardDeadline) {
            op.attempts++;
            ATTEMPTS.increment();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + op.path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + op.token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", op.key).POST(HttpRequest.BodyPublishers.ofString(op.body)).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                TIMEOUTS.increment();
                backoff(++failures, random);
                continue;
            } catch (IOException e) {
                CONNECTION_FAILURES.increment();
                backoff(++failures, random);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int status = response.statusCode();
            STATUS_COUNTS.computeIfAbsent(Integer.toString(status), s -> new LongAdder()).increment();
            String problem = problemType(response.body());
            if (status == 503) {
                SERVICE_UNAVAILABLE_AT.add(System.currentTimeMillis());
                backoff(++failures, random);
                continue;
            }
            if (status >= 500) {
                OTHER_5XX.increment();
                sample(op, status, response.body());
                backoff(++failures, random);
                continue;
            }
            if (status == 409 && ("idempotency-in-flight".equals(problem) || "concurrent-update".equals(problem))) {
                // The first attempt is still running (or a lock race): not an answer yet.
                IN_FLIGHT_409.increment();
                backoff(++failures, random);
                continue;
            }
            op.status = status;
            if (status / 100 == 2) {
                op.outcome = "ACKNOWLEDGED";
                if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                    REPLAYED.increment();
                }
                acknowledge(op, response.body());
            } else {
                op.outcome = "REFUSED";
                op.problem = problem == null ? "status-" + status : problem;
            }
            return;
        }
    }

    static void acknowledge(Op op, String body) {
        try {
            JsonNode node = JSON.readTree(body);
            op.entryId = switch (op.kind) {
                case ADJUSTMENT, ADJUSTMENT_OVERDRAW -> node.path("id").asText(null);
                default -> node.path("entryId").asText(null);
            };
            if (op.kind == Kind.REPAYMENT || op.kind == Kind.REPAYMENT_TOO_LARGE) {
                op.principal = new BigDecimal(node.path("allocation").path("principal").asText("0"));
            }
        } catch (IOException e) {
            sample(op, 0, "unreadable 2xx body: " + body);
        }
    }

    static String problemType(String body) {
        if (body == null || !body.startsWith("{")) {
            return null;
        }
        try {
            String type = JSON.readTree(body).path("type").asText("");
            return type.startsWith(PROBLEM_PREFIX) ? type.substring(PROBLEM_PREFIX.length()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static void sample(Op op, int status, String body) {
        if (SAMPLES.size() < 10) {
            SAMPLES.add(op.kind + " " + op.path + " -> " + status + " "
                    + (body == null ? "" : body.substring(0, Math.min(400, body.length()))));
        }
    }

    /** 50 ms doubling to 1 s, with jitter, so that 64 clients do not hammer a restarting service in step. */
    static void backoff(int failures, Random random) {
        long base = Math.min(1000L, 50L << Math.min(failures, 5));
        try {
            Thread.sleep(base / 2 + (long) (random.nextDouble() * base / 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- verification ------------------------------------------------------------------------

    static Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    static long scalarLong(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    static List<List<String>> rows(Connection db, String sql, Object... params) throws SQLException {
        List<List<String>> result = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rows.getString(c));
                    }
                    result.add(row);
                }
            }
        }
        return result;
    }

    /** Balances (normal side positive) of the accounts the load moves. */
    static Map<String, BigDecimal> balances(Connection db, String led) throws SQLException {
        Map<String, BigDecimal> result = new HashMap<>();
        for (List<String> row : rows(db, """
                SELECT code, CASE normal_side WHEN 'DEBIT' THEN debits_posted - credits_posted
                                              ELSE credits_posted - debits_posted END
                  FROM account WHERE led_id = ?::uuid AND code IN ('1-1100', '1-1300', '2-1100', '3-1200', '5-1100')""",
                led)) {
            result.put(row.get(0), new BigDecimal(row.get(1)));
        }
        return result;
    }

    static Map<String, BigDecimal> savings(Connection db, String led) throws SQLException {
        Map<String, BigDecimal> result = new HashMap<>();
        for (List<String> row : rows(db, "SELECT member_id, balance FROM member_savings WHERE led_id = ?::uuid",
                led)) {
            result.put(row.get(0), new BigDecimal(row.get(1)));
        }
        return result;
    }

    static Map<String, BigDecimal> outstanding(Connection db, String led) throws SQLException {
        Map<String, BigDecimal> result = new HashMap<>();
        for (List<String> row : rows(db, "SELECT id, outstanding_principal FROM loan WHERE led_id = ?::uuid",
                led)) {
            result.put(row.get(0), new BigDecimal(row.get(1)));
        }
        return result;
    }

    /** Collects violations of one check: a name and what broke. */
    static final class Checks {
        final Map<String, List<String>> failures = new LinkedHashMap<>();

        void check(String name, boolean ok, String detail) {
            List<String> list = failures.computeIfAbsent(name, n -> new ArrayList<>());
            if (!ok) {
                list.add(detail);
            }
        }

        void count(String name, List<List<String>> offending, String what) {
            List<String> list = failures.computeIfAbsent(name, n -> new ArrayList<>());
            for (List<String> row : offending) {
                list.add(what + " " + row);
            }
        }

        int broken() {
            return failures.values().stream().mapToInt(List::size).sum();
        }
    }

    static int verifyAndReport(HttpClient http, long loadDoneAt) throws Exception {
        List<Op> ops = new ArrayList<>(OPS);
        Checks checks = new Checks();
        long lost = 0;
        long duplicated = 0;
        long refusedWritten = 0;
        try (Connection db = database()) {
            db.setAutoCommit(false);
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TEMP TABLE chaos_op (led_id uuid, key text, kind text, outcome text, "
                        + "entry_id uuid, target uuid)");
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO chaos_op VALUES (?::uuid, ?, ?, ?, ?::uuid, ?::uuid)")) {
                for (Op op : ops) {
                    insert.setString(1, op.led.id);
                    insert.setString(2, op.key);
                    insert.setString(3, op.kind.name());
                    insert.setString(4, op.outcome);
                    insert.setString(5, op.entryId);
                    insert.setString(6, op.target);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement analyze = db.createStatement()) {
                analyze.execute("CREATE INDEX ON chaos_op (led_id, entry_id)");
                analyze.execute("ANALYZE chaos_op");
            }

            // Every acknowledged operation has its entry in its LED's journal (lost otherwise).
            List<List<String>> missing = rows(db, """
                    SELECT o.key, o.kind, o.entry_id FROM chaos_op o
                     WHERE o.outcome = 'ACKNOWLEDGED'
                       AND (o.entry_id IS NULL OR NOT EXISTS (
                           SELECT 1 FROM journal_entry e WHERE e.led_id = o.led_id AND e.id = o.entry_id))""");
            lost = missing.size();
            checks.count("acknowledged operations all in the journal", missing, "lost");
            // No two acknowledged keys share an entry.
            checks.count("one entry per acknowledged key", rows(db, """
                    SELECT entry_id, count(*) FROM chaos_op WHERE outcome = 'ACKNOWLEDGED' AND entry_id IS NOT NULL
                     GROUP BY entry_id HAVING count(*) > 1"""), "shared entry");
            // Every entry written during the load belongs to exactly one acknowledged operation: an extra
            // one is a duplicate (a retry posted again) or a refused or unanswered request that was written.
            List<List<String>> extra = new ArrayList<>();
            for (Led led : leds) {
                extra.addAll(rows(db, """
                        SELECT e.number, e.kind, e.description,
                               (SELECT string_agg(o.outcome, ',') FROM chaos_op o
                                 WHERE o.led_id = e.led_id AND e.description = 'chaos ' || o.key) AS by_key
                          FROM journal_entry e
                         WHERE e.led_id = ?::uuid AND e.number > ?
                           AND NOT EXISTS (SELECT 1 FROM chaos_op o WHERE o.led_id = e.led_id AND o.entry_id = e.id
                                              AND o.outcome = 'ACKNOWLEDGED')""", led.id, led.headAfterSetup));
            }
            for (List<String> row : extra) {
                if (row.get(3) != null && row.get(3).contains("REFUSED")) {
                    refusedWritten++;
                } else {
                    duplicated++;
                }
            }
            checks.count("no entry without its acknowledged operation (duplicates, refused written)", extra,
                    "extra entry");
            // Keyed descriptions: each acknowledged key at most once, no refused key at all.
            List<List<String>> byDescription = rows(db, """
                    SELECT o.key, o.outcome, count(e.id) FROM chaos_op o
                      JOIN journal_entry e ON e.led_id = o.led_id AND e.description = 'chaos ' || o.key
                     GROUP BY o.key, o.outcome
                    HAVING count(e.id) > 1 OR o.outcome <> 'ACKNOWLEDGED'""");
            checks.count("each keyed description at most once, never for a refused key", byDescription, "key");

            // Numbering gapless and the head agrees.
            checks.count("numbering gapless per LED", rows(db, """
                    SELECT h.led_id, h.last_number, count(e.number), min(e.number), max(e.number)
                      FROM journal_head h LEFT JOIN journal_entry e ON e.led_id = h.led_id
                     GROUP BY h.led_id, h.last_number
                    HAVING count(e.number) <> h.last_number OR coalesce(max(e.number), 0) <> h.last_number
                        OR coalesce(min(e.number), 1) <> 1"""), "gap");
            // Each entry links to its predecessor's hash (the API below recomputes the hashes too).
            checks.count("hash chain links", rows(db, """
                    SELECT e.led_id, e.number FROM journal_entry e
                      LEFT JOIN journal_entry p ON p.led_id = e.led_id AND p.number = e.number - 1
                     WHERE e.previous_hash <> coalesce(p.hash, repeat('0', 64))"""), "broken link");
            // Balanced: every entry, every LED, and the running totals equal the postings.
            checks.count("every entry balanced", rows(db, """
                    SELECT led_id, entry_id FROM posting GROUP BY led_id, entry_id
                    HAVING sum(amount) FILTER (WHERE side = 'DEBIT') IS DISTINCT FROM
                           sum(amount) FILTER (WHERE side = 'CREDIT') OR count(*) < 2"""), "unbalanced");
            checks.count("every LED balanced (trial balance)", rows(db, """
                    SELECT led_id, sum(debits_posted), sum(credits_posted) FROM account GROUP BY led_id
                    HAVING sum(debits_posted) <> sum(credits_posted)"""), "unbalanced LED");
            checks.count("account totals equal their postings", rows(db, """
                    SELECT a.led_id, a.code FROM account a
                      LEFT JOIN (SELECT led_id, account_id,
                                        coalesce(sum(amount) FILTER (WHERE side = 'DEBIT'), 0) AS d,
                                        coalesce(sum(amount) FILTER (WHERE side = 'CREDIT'), 0) AS c
                                   FROM posting GROUP BY led_id, account_id) p
                        ON p.led_id = a.led_id AND p.account_id = a.id
                     WHERE a.debits_posted <> coalesce(p.d, 0) OR a.credits_posted <> coalesce(p.c, 0)"""),
                    "totals differ");
            checks.count("daily movements equal their postings", rows(db, """
                    SELECT m.led_id, m.account_id, m.day FROM account_daily_movement m
                      LEFT JOIN (SELECT led_id, account_id, effective_date,
                                        coalesce(sum(amount) FILTER (WHERE side = 'DEBIT'), 0) AS d,
                                        coalesce(sum(amount) FILTER (WHERE side = 'CREDIT'), 0) AS c
                                   FROM posting GROUP BY led_id, account_id, effective_date) p
                        ON p.led_id = m.led_id AND p.account_id = m.account_id AND p.effective_date = m.day
                     WHERE m.debits <> coalesce(p.d, 0) OR m.credits <> coalesce(p.c, 0)"""), "movement differs");
            // No-negative never broken: the running balance of every no-negative account, entry by entry
            // in journal order (the order the LED's head lock committed them), never below zero.
            checks.count("no-negative accounts never below zero", rows(db, """
                    SELECT led_id, code, min(running) FROM (
                        SELECT a.led_id, a.code, sum(CASE WHEN p.side = a.normal_side THEN p.amount ELSE -p.amount END)
                                   OVER (PARTITION BY a.led_id, a.id ORDER BY p.entry_number, p.line) AS running
                          FROM account a JOIN posting p ON p.led_id = a.led_id AND p.account_id = a.id
                         WHERE a.no_negative) r
                     GROUP BY led_id, code HAVING min(running) < 0"""), "went negative");
            // Savings: each member's running balance in journal order never negative and equal to the
            // passbook's balance_after; the members add up to 2-1100.
            checks.count("member savings never below zero, passbook consistent", rows(db, """
                    SELECT led_id, member_id, number, running, balance_after FROM (
                        SELECT s.led_id, s.member_id, e.number, s.balance_after,
                               sum(CASE s.type WHEN 'DEPOSIT' THEN s.amount ELSE -s.amount END)
                                   OVER (PARTITION BY s.led_id, s.member_id ORDER BY e.number) AS running
                          FROM savings_movement s JOIN journal_entry e ON e.led_id = s.led_id AND e.id = s.entry_id) r
                     WHERE running < 0 OR running <> balance_after"""), "movement");
            checks.count("member balances equal their passbooks", rows(db, """
                    SELECT ms.led_id, ms.member_id, ms.balance, coalesce(sum(CASE s.type WHEN 'DEPOSIT' THEN s.amount
                                                                              ELSE -s.amount END), 0)
                      FROM member_savings ms LEFT JOIN savings_movement s
                        ON s.led_id = ms.led_id AND s.member_id = ms.member_id
                     GROUP BY ms.led_id, ms.member_id, ms.balance
                    HAVING ms.balance <> coalesce(sum(CASE s.type WHEN 'DEPOSIT' THEN s.amount ELSE -s.amount END), 0)
                    """), "member");
            checks.count("savings reconcile: members = 2-1100", rows(db, """
                    SELECT a.led_id, a.credits_posted - a.debits_posted,
                           (SELECT coalesce(sum(balance), 0) FROM member_savings ms WHERE ms.led_id = a.led_id)
                      FROM account a WHERE a.code = '2-1100'
                       AND a.credits_posted - a.debits_posted <>
                           (SELECT coalesce(sum(balance), 0) FROM member_savings ms WHERE ms.led_id = a.led_id)"""),
                    "LED");
            // Loans: 1-1300 = the loans' outstanding principal = principal minus the repayments' principal,
            // and the repayment counter matches the rows.
            checks.count("loans reconcile: 1-1300 = outstanding principal", rows(db, """
                    SELECT a.led_id, a.debits_posted - a.credits_posted,
                           (SELECT coalesce(sum(outstanding_principal), 0) FROM loan l WHERE l.led_id = a.led_id)
                      FROM account a WHERE a.code = '1-1300'
                       AND a.debits_posted - a.credits_posted <>
                           (SELECT coalesce(sum(outstanding_principal), 0) FROM loan l WHERE l.led_id = a.led_id)"""),
                    "LED");
            checks.count("loans reconcile: outstanding = principal - repaid principal", rows(db, """
                    SELECT l.led_id, l.id, l.outstanding_principal, l.repayment_count, count(r.id)
                      FROM loan l LEFT JOIN loan_repayment r ON r.led_id = l.led_id AND r.loan_id = l.id
                     WHERE l.disbursed_on IS NOT NULL
                     GROUP BY l.led_id, l.id, l.principal, l.outstanding_principal, l.repayment_count
                    HAVING l.outstanding_principal <> l.principal - coalesce(sum(r.principal), 0)
                        OR l.repayment_count <> count(r.id)"""), "loan");
            checks.count("loans reconcile: installments = outstanding", rows(db, """
                    SELECT l.led_id, l.id FROM loan l JOIN loan_installment i ON i.led_id = l.led_id AND i.loan_id = l.id
                     GROUP BY l.led_id, l.id, l.outstanding_principal
                    HAVING l.outstanding_principal <> sum(i.principal - i.paid_principal)"""), "loan");

            // What the clients were told equals what the books say: expected balances from the
            // acknowledged operations alone.
            for (Led led : leds) {
                expectBalances(db, led, ops, checks);
            }
            db.rollback();
        }
        // The service's own chain verification (recomputes every hash) and its loan positions.
        for (Led led : leds) {
            JsonNode verification = get(http, "/api/v1/leds/" + led.id + "/journal/verification", led.managerToken);
            checks.check("chain verification (API) valid", verification.path("valid").asBoolean(false),
                    "LED " + led.index + ": " + verification);
            for (String loan : led.loans) {
                JsonNode view = get(http, "/api/v1/leds/" + led.id + "/loans/" + loan, led.managerToken);
                BigDecimal expected = led.outstandingAfterSetup.get(loan).subtract(ops.stream()
                        .filter(o -> o.led == led && loan.equals(o.target) && "ACKNOWLEDGED".equals(o.outcome))
                        .map(o -> o.principal).reduce(BigDecimal.ZERO, BigDecimal::add));
                BigDecimal actual = new BigDecimal(view.path("outstandingPrincipal").asText("-1"));
                checks.check("loan outstanding (API) = principal - acknowledged repayments",
                        actual.compareTo(expected) == 0, "loan " + loan + ": " + actual + " expected " + expected);
            }
        }
        // Every refusal must be one the rules call for.
        Map<Kind, List<String>> expectedRefusals = Map.of(
                Kind.ADJUSTMENT, List.of(), Kind.DEPOSIT, List.of(),
                Kind.ADJUSTMENT_OVERDRAW, List.of("insufficient-funds"),
                Kind.EXPENSE, List.of("insufficient-funds"),
                Kind.WITHDRAWAL, List.of("insufficient-savings", "insufficient-funds"),
                Kind.REPAYMENT, List.of("repayment-exceeds-outstanding", "loan-status"),
                Kind.REPAYMENT_TOO_LARGE, List.of("repayment-exceeds-outstanding", "loan-status"));
        for (Op op : ops) {
            if ("REFUSED".equals(op.outcome)) {
                checks.check("refusals are the expected ones", expectedRefusals.get(op.kind).contains(op.problem),
                        op.kind + " " + op.status + " " + op.problem);
            }
            if (op.kind == Kind.ADJUSTMENT_OVERDRAW || op.kind == Kind.REPAYMENT_TOO_LARGE) {
                checks.check("spends the rules must refuse are refused", !"ACKNOWLEDGED".equals(op.outcome),
                        op.kind + " " + op.key);
            }
            checks.check("every request answered", !"UNANSWERED".equals(op.outcome), op.kind + " " + op.key);
        }
        checks.check("no 5xx other than 503", OTHER_5XX.sum() == 0, OTHER_5XX.sum() + " answers");

        report(ops, checks, lost, duplicated, refusedWritten, loadDoneAt);
        return checks.broken();
    }

    static void expectBalances(Connection db, Led led, List<Op> ops, Checks checks) throws SQLException {
        Map<String, BigDecimal> expected = new HashMap<>(led.balancesAfterSetup);
        Map<String, BigDecimal> members = new HashMap<>(led.savingsAfterSetup);
        for (Op op : ops) {
            if (op.led != led || !"ACKNOWLEDGED".equals(op.outcome)) {
                continue;
            }
            BigDecimal a = op.amount;
            switch (op.kind) {
                case ADJUSTMENT -> {
                    expected.merge("5-1100", a, BigDecimal::add);
                    expected.merge("3-1200", a, BigDecimal::add);
                }
                case ADJUSTMENT_OVERDRAW, EXPENSE -> {
                    expected.merge("5-1100", a, BigDecimal::add);
                    expected.merge("1-1100", a.negate(), BigDecimal::add);
                }
                case DEPOSIT -> {
                    expected.merge("1-1100", a, BigDecimal::add);
                    expected.merge("2-1100", a, BigDecimal::add);
                    members.merge(op.target, a, BigDecimal::add);
                }
                case WITHDRAWAL -> {
                    expected.merge("1-1100", a.negate(), BigDecimal::add);
                    expected.merge("2-1100", a.negate(), BigDecimal::add);
                    members.merge(op.target, a.negate(), BigDecimal::add);
                }
                case REPAYMENT, REPAYMENT_TOO_LARGE -> {
                    expected.merge("1-1100", a, BigDecimal::add);
                    expected.merge("1-1300", op.principal.negate(), BigDecimal::add);
                }
            }
        }
        Map<String, BigDecimal> actual = balances(db, led.id);
        for (Map.Entry<String, BigDecimal> e : new TreeMap<>(expected).entrySet()) {
            BigDecimal is = actual.getOrDefault(e.getKey(), BigDecimal.ZERO);
            checks.check("account balances = setup + acknowledged operations", is.compareTo(e.getValue()) == 0,
                    "LED " + led.index + " " + e.getKey() + ": " + is + " expected " + e.getValue());
        }
        Map<String, BigDecimal> actualMembers = savings(db, led.id);
        for (Map.Entry<String, BigDecimal> e : members.entrySet()) {
            BigDecimal is = actualMembers.getOrDefault(e.getKey(), BigDecimal.ZERO);
            checks.check("member savings = setup + acknowledged deposits - withdrawals",
                    is.compareTo(e.getValue()) == 0, "member " + e.getKey() + ": " + is + " expected " + e.getValue());
        }
    }

    /** The chaos events the script recorded: kind, start and end (epoch ms), one per line. */
    record Event(String kind, long start, long end) {
    }

    static List<Event> events() throws IOException {
        List<Event> events = new ArrayList<>();
        Path file = work.resolve("events.tsv");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split("\t");
                if (f.length == 3) {
                    events.add(new Event(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
                }
            }
        }
        return events;
    }

    static void report(List<Op> ops, Checks checks, long lost, long duplicated, long refusedWritten, long loadDoneAt)
            throws IOException {
        List<Event> events = events();
        long acknowledged = ops.stream().filter(o -> "ACKNOWLEDGED".equals(o.outcome)).count();
        long refused = ops.stream().filter(o -> "REFUSED".equals(o.outcome)).count();
        long unanswered = ops.stream().filter(o -> "UNANSWERED".equals(o.outcome)).count();
        long retried = ops.stream().filter(o -> o.attempts > 1).count();
        // A 503 counts as "while the database was down" from the stop until 5 s after it accepted again.
        // Otherwise, one within 20 s of a restarted service being ready is a cold service's burst (every client
        // retrying at once into a JVM that has not compiled its hot paths yet).
        long during = 0;
        long afterStart = 0;
        long outside = 0;
        for (long at : SERVICE_UNAVAILABLE_AT) {
            boolean inOutage = events.stream().anyMatch(e -> e.kind().equals("postgres-restart")
                    && at >= e.start() && at <= e.end() + 5000);
            boolean cold = events.stream().anyMatch(e -> e.kind().equals("service-kill")
                    && at >= e.end() && at <= e.end() + 20_000);
            if (inOutage) {
                during++;
            } else if (cold) {
                afterStart++;
            } else {
                outside++;
            }
        }
        Map<String, Long> refusals = new TreeMap<>();
        Map<String, long[]> byKind = new TreeMap<>();
        for (Op op : ops) {
            if (op.problem != null) {
                refusals.merge(op.problem, 1L, Long::sum);
            }
            long[] k = byKind.computeIfAbsent(op.kind.name(), n -> new long[3]);
            k[0]++;
            k[1] += "ACKNOWLEDGED".equals(op.outcome) ? 1 : 0;
            k[2] += "REFUSED".equals(op.outcome) ? 1 : 0;
        }
        StringBuilder out = new StringBuilder();
        out.append("\nCrash under load: ").append(clients).append(" clients, ").append(ledCount)
                .append(" LEDs, load for ").append(String.format("%.1f", (loadDoneAt - loadStartedAt) / 1000.0))
                .append(" s (--duration ").append(durationSeconds).append(", then until the schedule was done)\n\n");
        row(out, "requests (operations, each with its own key)", ops.size());
        row(out, "HTTP attempts (with retries)", ATTEMPTS.sum());
        row(out, "operations retried at least once", retried);
        row(out, "acknowledged (2xx)", acknowledged);
        row(out, "  of which answered by a replay", REPLAYED.sum());
        row(out, "refused (4xx)", refused);
        for (Map.Entry<String, Long> e : refusals.entrySet()) {
            row(out, "  " + e.getKey(), e.getValue());
        }
        row(out, "unanswered at the deadline", unanswered);
        row(out, "connection failures (service down or killed)", CONNECTION_FAILURES.sum());
        row(out, "client timeouts (30 s)", TIMEOUTS.sum());
        row(out, "409 in flight / concurrent update (retried)", IN_FLIGHT_409.sum());
        row(out, "503 while PostgreSQL was down (+5 s)", during);
        row(out, "503 within 20 s of a restarted service", afterStart);
        row(out, "503 at other times", outside);
        row(out, "5xx other than 503", OTHER_5XX.sum());
        row(out, "lost (acknowledged, not in the journal)", lost);
        row(out, "duplicated (in the journal more than once)", duplicated);
        row(out, "refused but written", refusedWritten);
        row(out, "invariant violations (all checks)", checks.broken());
        out.append("\nBy operation (requests / acknowledged / refused):\n");
        for (Map.Entry<String, long[]> e : byKind.entrySet()) {
            out.append(String.format("  %-22s %8d %8d %8d%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                    e.getValue()[2]));
        }
        out.append("\nRestarts (seconds after the load started; down = until ready again):\n");
        int kills = 0;
        int restarts = 0;
        for (Event e : events) {
            String name = e.kind().equals("service-kill") ? "SIGKILL service #" + ++kills
                    : e.kind().equals("postgres-restart") ? "PostgreSQL restart #" + ++restarts : e.kind();
            out.append(String.format("  %-24s at %7.1f s   down %5.1f s%n", name, (e.start() - loadStartedAt) / 1000.0,
                    (e.end() - e.start()) / 1000.0));
        }
        out.append("\nChecks:\n");
        for (Map.Entry<String, List<String>> e : checks.failures.entrySet()) {
            out.append(String.format("  %-4s %s%n", e.getValue().isEmpty() ? "ok" : "FAIL", e.getKey()));
            e.getValue().stream().limit(5).forEach(d -> out.append("         ").append(d).append('\n'));
            if (e.getValue().size() > 5) {
                out.append("         ... and ").append(e.getValue().size() - 5).append(" more\n");
            }
        }
        if (!SAMPLES.isEmpty()) {
            out.append("\nSample 5xx answers:\n");
            SAMPLES.forEach(s -> out.append("  ").append(s).append('\n'));
        }
        out.append("\nHTTP statuses seen: ").append(new TreeMap<>(STATUS_COUNTS)).append('\n');
        out.append(checks.broken() == 0 && OTHER_5XX.sum() == 0
                ? "\nRESULT: PASS (0 lost, 0 duplicated, 0 invariants broken)\n"
                : "\nRESULT: FAIL\n");
        System.out.print(out);
        Files.writeString(work.resolve("report.txt"), out.toString());
    }

    static void row(StringBuilder out, String name, long value) {
        out.append(String.format("  %-48s %10d%n", name, value));
    }
}
