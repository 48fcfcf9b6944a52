import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.lumbung.platform.security.DevTokenCli;

/**
 * The driver of scripts/bench/led-footprint.sh, in source-file mode on the packaged application's class
 * path (the dev token signer, Jackson and the PostgreSQL driver). Two modes:
 *
 * <pre>java -cp APP_CLASSPATH scripts/bench/LedFootprint.java proxy --listen 127.0.0.1:P --to 127.0.0.1:5432 \
 *     --counts FILE
 * java -cp APP_CLASSPATH scripts/bench/LedFootprint.java simulate --url URL --jdbc JDBC_URL --counts FILE \
 *     --out DIR [--service-pid PID] [--members N] [--loans N] [--seed N]</pre>
 *
 * <p>{@code proxy}: a TCP relay between the service and PostgreSQL that reads the frontend messages of the
 * wire protocol (the connection must not use TLS: {@code sslmode=disable}) and counts, per statement kind, the
 * statements the service executes (an Execute of a bound statement, or a simple Query), its transactions
 * (COMMIT, ROLLBACK, and statements run outside a transaction) and its empty validation queries. It writes
 * the counters to FILE every 100 ms.
 *
 * <p>{@code simulate}: two years of one typical LED through the API, day by day, of which the second (the
 * last 365 days up to today) is measured, so that it starts with the loans of the year before as a running
 * LED does: a district and an LED, KUB groups and members by one CSV import, two loan products, two district
 * grants a year, loans applied, approved and disbursed every month and repaid installment by installment,
 * weekly savings at every group's meeting, some withdrawals, swadaya, operating expenses, a cash-to-bank
 * transfer and a provision every month, the month closed on the 10th of the next, one training programme a
 * year. What the clerk collects in a day is synced that evening as one field batch (atomic:false); every
 * batch of the measured year is measured: WAL bytes (pg_current_wal_lsn), statements and transactions (from
 * the proxy). At the end it measures rows and bytes of every table, runs VACUUM FULL ANALYZE and measures
 * again, then sends typical evening batches five times each and measures them alone: rows written (from
 * pg_stat_user_tables), WAL, statements and CPU of the service's backends and of the JVM. Writes the report
 * (Markdown) to stdout and the raw figures to DIR.
 * Money is decimal strings throughout, never floating point.
 */
public final class LedFootprint {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private LedFootprint() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("mode: proxy | simulate");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        switch (args[0]) {
            case "proxy" -> Proxy.run(options);
            case "simulate" -> new Simulation(options).run();
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "led-footprint: " + format + "%n", args);
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    // --- the counting proxy ----------------------------------------------------------------------

    /** Relays the wire protocol and counts what the client executes. */
    static final class Proxy {

        static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
        private static final int SSL_REQUEST = 80877103;
        private static final int GSS_REQUEST = 80877104;

        private Proxy() {
        }

        static void run(Map<String, String> options) throws Exception {
            String[] listen = required(options, "--listen").split(":");
            String[] to = required(options, "--to").split(":");
            Path counts = Path.of(required(options, "--counts"));
            Thread writer = Thread.ofPlatform().daemon().start(() -> writeCounts(counts));
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(listen[0], Integer.parseInt(listen[1])));
                log("proxy on %s:%s -> %s:%s", listen[0], listen[1], to[0], to[1]);
                while (writer.isAlive()) {
                    Socket client = server.accept();
                    Socket upstream = new Socket(to[0], Integer.parseInt(to[1]));
                    client.setTcpNoDelay(true);
                    upstream.setTcpNoDelay(true);
                    Thread.ofPlatform().daemon().start(() -> relay(upstream, client));
                    Thread.ofPlatform().daemon().start(() -> frontend(client, upstream));
                }
            }
        }

        private static void writeCounts(Path file) {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            while (true) {
                try {
                    StringBuilder text = new StringBuilder();
                    new TreeMap<>(COUNTS).forEach((key, value) -> text.append(key).append(' ').append(value.sum())
                            .append('\n'));
                    Files.writeString(temporary, text);
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    Thread.sleep(100);
                } catch (IOException e) {
                    log("proxy: cannot write %s: %s", file, e.getMessage());
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Backend to client: bytes as they come. */
        private static void relay(Socket from, Socket to) {
            try (from; to) {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed; closing both ends the other relay too
            }
        }

        /** Client to backend: message by message, counted, flushed whenever the client has nothing more queued. */
        private static void frontend(Socket client, Socket upstream) {
            Session session = new Session();
            try (client; upstream) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream(), 65536));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(upstream.getOutputStream(),
                        65536));
                boolean startup = true;
                while (true) {
                    if (startup) {
                        int length = in.readInt();
                        byte[] body = in.readNBytes(length - 4);
                        out.writeInt(length);
                        out.write(body);
                        out.flush();
                        int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8)
                                | (body[3] & 0xff);
                        startup = code == SSL_REQUEST || code == GSS_REQUEST; // the real start-up message follows
                        continue;
                    }
                    int type = in.read();
                    if (type < 0) {
                        return;
                    }
                    int length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    out.write(type);
                    out.writeInt(length);
                    out.write(body);
                    session.count((char) type, body);
                    if (in.available() == 0) {
                        out.flush();
                    }
                }
            } catch (EOFException e) {
                // the client hung up
            } catch (IOException e) {
                // one side closed
            }
        }

        /** One connection's prepared statements and portals, to tell what each Execute runs. */
        static final class Session {

            private final Map<String, String> statements = new HashMap<>();
            private final Map<String, String> portals = new HashMap<>();
            private boolean inTransaction;

            void count(char type, byte[] body) {
                switch (type) {
                    case 'P' -> {
                        int end = zero(body, 0);
                        statements.put(text(body, 0, end), text(body, end + 1, zero(body, end + 1)));
                    }
                    case 'B' -> {
                        int end = zero(body, 0);
                        String portal = text(body, 0, end);
                        portals.put(portal, statements.getOrDefault(text(body, end + 1, zero(body, end + 1)), "?"));
                    }
                    case 'E' -> executed(portals.getOrDefault(text(body, 0, zero(body, 0)), "?"));
                    case 'Q' -> executed(text(body, 0, zero(body, 0)));
                    default -> {
                    }
                }
            }

            private void executed(String sql) {
                String trimmed = sql.strip();
                while (trimmed.startsWith("--") || trimmed.startsWith("/*")) {
                    int end = trimmed.startsWith("--") ? trimmed.indexOf('\n') : trimmed.indexOf("*/");
                    trimmed = end < 0 ? "" : trimmed.substring(end + (trimmed.startsWith("--") ? 1 : 2)).strip();
                }
                if (trimmed.isEmpty()) {
                    add("validation");
                    return;
                }
                String word = trimmed.split("[\\s(;]+", 2)[0].toLowerCase(Locale.ROOT);
                switch (word) {
                    case "begin", "start" -> {
                        inTransaction = true;
                        add("begin");
                    }
                    case "commit", "end" -> {
                        inTransaction = false;
                        add("commit");
                        add("transactions");
                    }
                    case "rollback" -> {
                        if (trimmed.toLowerCase(Locale.ROOT).matches("rollback\\s+to\\b.*")) {
                            add("savepoint");
                        } else {
                            inTransaction = false;
                            add("rollback");
                            add("transactions");
                        }
                    }
                    case "savepoint", "release" -> add("savepoint");
                    default -> {
                        add("statements");
                        add("statements." + word);
                        if (!inTransaction) {
                            add("autocommit");
                            add("transactions");
                        }
                    }
                }
            }

            private static void add(String key) {
                COUNTS.computeIfAbsent(key, k -> new LongAdder()).increment();
            }

            private static int zero(byte[] body, int from) {
                for (int i = from; i < body.length; i++) {
                    if (body[i] == 0) {
                        return i;
                    }
                }
                return body.length;
            }

            private static String text(byte[] body, int from, int to) {
                return new String(body, from, Math.max(0, to - from), StandardCharsets.UTF_8);
            }
        }
    }

    // --- the simulation --------------------------------------------------------------------------

    /** What one measured window cost. */
    record Cost(double seconds, long walBytes, Map<String, Long> counts, Map<String, Long> rows, long pgTicks,
            long jvmTicks, long otherTransactions, long walRecords, long walFpi) {

        long count(String key) {
            return counts.getOrDefault(key, 0L);
        }
    }

    /** A point in time to measure from. */
    record Mark(long nanos, String lsn, Map<String, Long> counts, Map<String, Long> rows, long pgTicks, long jvmTicks,
            Map<Long, Long> others, long walRecords, long walFpi) {
    }

    /** A loan the simulation disbursed: who repays it and its installments not yet paid. */
    record LoanPlan(String id, int member, List<JsonNode> installments) {
    }

    /** One day's clerk batch as measured. */
    record DayBatch(LocalDate day, int operations, Map<String, Integer> kinds, Cost cost) {
    }

    static final class Simulation {

        private final String url;
        private final String jdbc;
        private final Path countsFile;
        private final Path out;
        private final long servicePid;
        private final int memberCount;
        private final int loansPerYear;
        private final Random random;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final LocalDate today = LocalDate.now(JAKARTA);
        /** The measured year: the last 365 days. */
        private final LocalDate start = today.minusDays(364);
        /** The first simulated day: a year before the measured one, so that it starts with last year's loans. */
        private final LocalDate first = start.minusDays(365);
        private final Map<String, Integer> operations = new TreeMap<>();
        private final Map<String, Integer> yearOperations = new TreeMap<>();
        private int yearRequests;
        private final List<DayBatch> batches = new ArrayList<>();
        private final List<String> members = new ArrayList<>();
        private final List<String> groups = new ArrayList<>();
        private final Map<Integer, Long> savings = new HashMap<>();
        private final Map<LocalDate, List<ObjectNode>> clerkDay = new TreeMap<>();
        private final List<LoanPlan> loans = new ArrayList<>();
        private final TreeSet<Integer> borrowing = new TreeSet<>();
        private final Map<Integer, LocalDate> borrowingUntil = new HashMap<>();
        private Connection db;
        private String ledId;
        private String base;
        private String manager;
        private String clerk;
        private String trainer;
        private String[] products;
        private final List<String> grants = new ArrayList<>();
        private int keySerial;
        private int httpRequests;

        Simulation(Map<String, String> options) {
            url = required(options, "--url");
            jdbc = required(options, "--jdbc");
            countsFile = Path.of(required(options, "--counts"));
            out = Path.of(required(options, "--out"));
            servicePid = Long.parseLong(options.getOrDefault("--service-pid", "0"));
            memberCount = Integer.parseInt(options.getOrDefault("--members", "150"));
            loansPerYear = Integer.parseInt(options.getOrDefault("--loans", "60"));
            random = new Random(Long.parseLong(options.getOrDefault("--seed", "20261204")));
        }

        void run() throws Exception {
            Files.createDirectories(out);
            db = DriverManager.getConnection(jdbc);
            db.setAutoCommit(true);
            long began = System.nanoTime();
            setup();
            for (LocalDate day = first; day.isBefore(start); day = day.plusDays(1)) {
                simulate(day);
            }
            log("first year simulated in %.0f s", (System.nanoTime() - began) / 1e9);
            Map<String, long[]> before = tables();
            operations.clear();
            httpRequests = 0;
            batches.clear();
            Mark yearStart = mark(false);
            for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
                simulate(day);
            }
            Cost year = cost(yearStart, mark(false));
            yearOperations.putAll(operations);
            yearRequests = httpRequests;
            log("both years simulated in %.0f s: %d HTTP requests, %d batches in the measured year",
                    (System.nanoTime() - began) / 1e9, httpRequests, batches.size());
            Map<String, long[]> tables = tables();
            maintain("VACUUM FULL ANALYZE");
            Map<String, long[]> dense = tables();
            List<Sample> samples = samples();
            report(year, before, tables, dense, samples);
        }

        // --- setup ---

        private void setup() throws Exception {
            PrivateKey key = DevTokenCli.readPrivateKey(Path.of("config/dev/jwt-private.pem"));
            long ttl = Duration.ofHours(12).toSeconds();
            String admin = DevTokenCli.sign(key, "admin", "footprint-admin", List.of(), List.of(), ttl);
            String stamp = Long.toString(System.currentTimeMillis() / 1000);
            String district = post("/api/v1/districts", admin, object("code", "fp-" + stamp, "name",
                    "Kabupaten Footprint " + stamp)).get("id").asText();
            ledId = post("/api/v1/leds", admin, object("districtId", district, "code", "desa-fp", "name",
                    "LED Desa Footprint", "village", "Desa Footprint")).get("id").asText();
            base = "/api/v1/leds/" + ledId;
            manager = DevTokenCli.sign(key, "led-manager", "footprint-manager", List.of(), List.of(ledId), ttl);
            clerk = DevTokenCli.sign(key, "led-clerk", "footprint-clerk", List.of(), List.of(ledId), ttl);
            trainer = DevTokenCli.sign(key, "trainer", "footprint-trainer", List.of(), List.of(ledId), ttl);
            String[] flowers = {"Mawar", "Melati", "Anggrek", "Kenanga", "Cempaka", "Dahlia", "Teratai", "Kamboja",
                "Seruni", "Tulip"};
            int groupCount = Math.max(1, memberCount / 15);
            for (int g = 0; g < groupCount; g++) {
                groups.add(post(base + "/groups", clerk, object("name", "KUB " + flowers[g % flowers.length]
                        + (g < flowers.length ? "" : " " + g))).get("id").asText());
            }
            StringBuilder csv = new StringBuilder("name,nik,gender,birthDate,hamlet,phone,groupName\n");
            for (int m = 0; m < memberCount; m++) {
                boolean woman = m % 3 != 0;
                int year = 1960 + (m * 7) % 44;
                String nik = String.format(Locale.ROOT, "140601%02d07%02d%04d", woman ? 45 : 5, year % 100, m + 1);
                csv.append(String.format(Locale.ROOT, "Anggota %d,%s,%s,%d-07-05,Dusun %d,0812%08d,KUB %s%s%n", m,
                        nik, woman ? "F" : "M", year, 1 + m % 4, 10_000_000 + m, flowers[(m % groupCount)
                        % flowers.length], m % groupCount < flowers.length ? "" : " " + (m % groupCount)));
            }
            send("POST", base + "/members:import", clerk, "text/csv", csv.toString(), 201);
            JsonNode listed = get(base + "/members?limit=500", clerk);
            Map<String, String> byName = new HashMap<>();
            listed.get("items").forEach(item -> byName.put(item.get("name").asText(), item.get("id").asText()));
            for (int m = 0; m < memberCount; m++) {
                members.add(byName.get("Anggota " + m));
            }
            products = new String[] {product("Pinjaman Modal Usaha 10 bulan", 10),
                product("Pinjaman Modal Usaha 12 bulan", 12)};
            log("set up LED %s: %d groups, %d members", ledId, groups.size(), members.size());
        }

        private String product(String name, int installments) throws Exception {
            return post(base + "/loan-products", manager, object("name", name, "interestMethod", "FLAT",
                    "interestRate", "1.5", "ratePeriod", "MONTH", "frequency", "MONTHLY", "installments", installments,
                    "graceInstallments", 0, "adminFeePercent", "1", "penaltyRatePerDay", "0.1")).get("id").asText();
        }

        // --- one day ---

        private void simulate(LocalDate day) throws Exception {
            long offset = day.toEpochDay() - first.toEpochDay();
            if (offset % 365 == 0) {
                grant(day, "250000000", "SK 412/" + day.getYear());
            }
            if (offset % 365 == 182) {
                grant(day, "150000000", "SK 77/" + day.getYear());
            }
            if (day.getDayOfMonth() == 1 && offset > 0) {
                // What autovacuum would have done meanwhile (this machine's PostgreSQL runs without it):
                // dead row versions reclaimed, statistics fresh, so the plans are those of a tended database.
                maintain("VACUUM ANALYZE");
                bankTheCash(day);
            }
            if (day.getDayOfMonth() == 10 && offset > 10) {
                post(base + "/periods/close", manager, object("through", day.withDayOfMonth(1).minusDays(1)
                        .toString()));
                tally("period close");
            }
            lend(day);
            meetings(day);
            repayments(day);
            if (day.getDayOfMonth() == 15 && day.getMonthValue() % 3 == 1) {
                clerk(day, operation("CONTRIBUTION", "type", "COMMUNITY_EQUITY", "amount", "2500000", "receivedOn",
                        day.toString(), "description", "Swadaya warga " + day.getMonth()));
            }
            if (day.getDayOfMonth() == 26) {
                expense(day, "750000", "Honorarium pengurus", "Pengurus LED");
                expense(day, "150000", "Alat tulis kantor", "Toko Maju");
                expense(day, "200000", "Transport penagihan", null);
                expense(day, "100000", "Listrik kantor", "PLN");
            }
            training(day, offset);
            sync(day);
            if (day.equals(day.withDayOfMonth(day.lengthOfMonth()))) {
                post(base + "/provisions", manager, object("asOf", day.toString()));
                tally("provision");
            }
        }

        private void grant(LocalDate day, String amount, String decree) throws Exception {
            grants.add(post(base + "/grants", manager, object("source", "APBD Kabupaten " + day.getYear(),
                    "decreeNumber", decree, "amount", amount, "receivedOn", day.toString())).get("id").asText());
            tally("grant");
        }

        /** Cash above 5,000,000 goes to the bank on the first of the month. */
        private void bankTheCash(LocalDate day) throws Exception {
            long cash = rupiah(get(base + "/accounts/1-1100", manager).get("balance").asText());
            if (cash > 6_000_000) {
                post(base + "/transfers", manager, object("from", "1-1100", "to", "1-1200", "amount",
                        Long.toString((cash - 5_000_000) / 100_000 * 100_000), "on", day.toString()));
                tally("cash transfer");
            }
        }

        /** Loans: about loansPerYear / 12 a month, each applied (clerk), approved and disbursed (manager). */
        private void lend(LocalDate day) throws Exception {
            int perMonth = Math.max(1, Math.round(loansPerYear / 12f));
            int dom = day.getDayOfMonth();
            if (dom < 3 || (dom - 3) % 5 != 0 || (dom - 3) / 5 >= perMonth) {
                return;
            }
            borrowingUntil.entrySet().removeIf(until -> until.getValue().isBefore(day));
            borrowing.retainAll(borrowingUntil.keySet());
            int member;
            do {
                member = random.nextInt(members.size());
            } while (borrowing.contains(member));
            int n = loans.size();
            String principal = Long.toString(1_000_000L * (2 + random.nextInt(9)));
            String loan = post(base + "/loans", clerk, object("memberId", members.get(member), "productId",
                    products[n % 2], "principal", principal, "groupId", groups.get(member % groups.size()), "grantId",
                    grants.get(grants.size() - 1), "purpose", "Modal usaha " + n)).get("id").asText();
            post(base + "/loans/" + loan + "/approval", manager, object("note", "Disetujui rapat pengurus"));
            post(base + "/loans/" + loan + "/disbursement", manager, object("disbursedOn", day.toString()));
            JsonNode schedule = get(base + "/loans/" + loan + "/schedule", manager);
            List<JsonNode> installments = new ArrayList<>();
            schedule.get("installments").forEach(installments::add);
            loans.add(new LoanPlan(loan, member, installments));
            borrowing.add(member);
            borrowingUntil.put(member, LocalDate.parse(installments.getLast().get("dueOn").asText()));
            tally("loan (apply, approve, disburse)");
        }

        /** Each group meets weekly on its weekday; most members save, a few withdraw. */
        private void meetings(LocalDate day) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                return;
            }
            for (int g = 0; g < groups.size(); g++) {
                if (g % 5 != day.getDayOfWeek().getValue() - 1) {
                    continue;
                }
                for (int m = g; m < members.size(); m += groups.size()) {
                    if (random.nextInt(10) == 0) {
                        continue; // absent this week
                    }
                    long balance = savings.getOrDefault(m, 0L);
                    if (balance > 300_000 && random.nextInt(50) == 0) {
                        long amount = balance / 2 / 10_000 * 10_000;
                        savings.put(m, balance - amount);
                        clerk(day, operation("SAVINGS_WITHDRAWAL", "memberId", members.get(m), "amount",
                                Long.toString(amount), "paidOn", day.toString(), "description", "Tarik simpanan"));
                    } else {
                        long amount = 10_000L * (1 + random.nextInt(5));
                        savings.put(m, balance + amount);
                        clerk(day, operation("SAVINGS_DEPOSIT", "memberId", members.get(m), "amount",
                                Long.toString(amount), "receivedOn", day.toString(), "description",
                                "Simpanan wajib"));
                    }
                }
            }
        }

        /** Installments are paid on their due day, one in ten (not the last) a week late, the amount due. */
        private void repayments(LocalDate day) {
            for (LoanPlan loan : loans) {
                for (JsonNode installment : loan.installments()) {
                    LocalDate due = LocalDate.parse(installment.get("dueOn").asText());
                    boolean last = installment == loan.installments().getLast();
                    boolean late = !last && Math.floorMod((loan.id() + due).hashCode(), 10) == 0;
                    if ((late ? due.plusDays(7) : due).equals(day)) {
                        clerk(day, operation("REPAYMENT", "loanId", loan.id(), "amount",
                                installment.get("total").asText(), "paidOn", day.toString()));
                    }
                }
            }
        }

        private void expense(LocalDate day, String amount, String description, String payee) {
            ObjectNode operation = operation("EXPENSE", "account", "5-1100", "amount", amount, "paidOn",
                    day.toString(), "description", description);
            if (payee != null) {
                operation.put("payee", payee);
            }
            clerk(day, operation);
        }

        /** One programme a year of 20 trainees over three months, two modules, twelve sessions. */
        private final List<String> trainees = new ArrayList<>();
        private String programme;

        private void training(LocalDate day, long offset) throws Exception {
            LocalDate opens = first.plusDays(offset / 365 * 365 + 60);
            LocalDate closes = opens.plusDays(90);
            if (day.equals(opens)) {
                trainees.clear();
                ObjectNode request = object("name", "Pelatihan Kewirausahaan Desa " + opens.getYear() + "-"
                        + (offset / 365 + 1), "startsOn", opens.toString(),
                        "endsOn", closes.toString(), "venue", "Balai Desa", "venueType", "VILLAGE_HALL",
                        "sessionsPerWeek", 1, "hoursPerSession", "3");
                ArrayNode modules = request.putArray("modules");
                modules.add(object("code", "WRS", "title", "Rencana Usaha", "area", "ENTREPRENEURSHIP"));
                modules.add(object("code", "KEU", "title", "Pengelolaan Keuangan", "area", "FINANCIAL_MANAGEMENT"));
                request.putArray("funding").add(object("source", "APBD", "name", "APBD Pelatihan", "amount",
                        "15000000"));
                programme = post(base + "/programmes", trainer, request).get("id").asText();
                for (int t = 0; t < 20; t++) {
                    String trainee = post(base + "/programmes/" + programme + "/trainees", trainer,
                            object("memberId", members.get(t * members.size() / 20), "enrolledOn", opens.toString()))
                            .get("id").asText();
                    trainees.add(trainee);
                    post(base + "/trainees/" + trainee + "/outcomes", trainer, object("recordedOn", opens.toString(),
                            "monthlyIncome", Long.toString(1_000_000L + 50_000L * t), "employed", t % 2 == 0,
                            "businessStarted", false));
                }
                post(base + "/programmes/" + programme + "/funding-receipts", clerk, object("fundingLine",
                        "APBD Pelatihan", "amount", "15000000", "receivedOn", opens.toString()));
                tally("training programme");
            }
            if (programme == null || day.isBefore(opens) || day.isAfter(closes)) {
                return;
            }
            long week = (day.toEpochDay() - opens.toEpochDay()) / 7;
            if (day.getDayOfWeek() == DayOfWeek.TUESDAY && week < 12) {
                String session = post(base + "/programmes/" + programme + "/sessions", trainer, object("heldOn",
                        day.toString(), "moduleCode", week % 2 == 0 ? "WRS" : "KEU", "topic", "Sesi " + (week + 1),
                        "method", "WORKSHOP")).get("id").asText();
                List<String> present = new ArrayList<>(trainees);
                Collections.shuffle(present, random);
                ObjectNode attendance = JSON.createObjectNode();
                ArrayNode list = attendance.putArray("present");
                present.subList(0, 17).forEach(list::add);
                send("PUT", base + "/programmes/" + programme + "/sessions/" + session + "/attendance", trainer,
                        "application/json", attendance.toString(), 200);
                if (week == 2 || week == 8) {
                    post(base + "/programmes/" + programme + "/expenses", clerk, object("amount", "1200000",
                            "paidOn", day.toString(), "description", "Modul dan konsumsi", "fundingLine",
                            "APBD Pelatihan"));
                }
                tally("training session");
            }
            if (day.equals(closes)) {
                for (int t = 0; t < trainees.size(); t++) {
                    String trainee = trainees.get(t);
                    for (String module : List.of("WRS", "KEU")) {
                        post(base + "/trainees/" + trainee + "/evaluations", trainer, object("moduleCode", module,
                                "score", 50 + (t * 7) % 50, "evaluatedOn", day.toString()));
                    }
                    post(base + "/trainees/" + trainee + "/feedback", trainer, object("givenOn", day.toString(),
                            "rating", 3 + t % 3, "comment", "Bermanfaat"));
                    if (t < 18) {
                        post(base + "/trainees/" + trainee + "/completion", trainer, object("completedOn",
                                day.toString()));
                    }
                    post(base + "/trainees/" + trainee + "/outcomes", trainer, object("recordedOn", day.toString(),
                            "monthlyIncome", Long.toString(1_200_000L + 60_000L * t), "employed", true,
                            "businessStarted", t % 3 == 0));
                    if (t < 3) {
                        post(base + "/trainees/" + trainee + "/assistance", clerk, object("kind", "CASH",
                                "description", "Bantuan modal usaha", "value", "1000000", "givenOn", day.toString(),
                                "paidByLed", true));
                    }
                }
                tally("training close-out");
            }
        }

        // --- the evening sync ---

        private void clerk(LocalDate day, ObjectNode operation) {
            clerkDay.computeIfAbsent(day, d -> new ArrayList<>()).add(operation);
        }

        private ObjectNode operation(String op, Object... fields) {
            ObjectNode operation = object(fields);
            operation.put("key", "fp-" + (++keySerial));
            operation.put("op", op);
            tally(op);
            return operation;
        }

        /** The day's clerk operations as one field batch, measured. */
        private void sync(LocalDate day) throws Exception {
            List<ObjectNode> ops = clerkDay.remove(day);
            if (ops == null || ops.isEmpty()) {
                return;
            }
            Mark before = mark(false);
            JsonNode answer = batch(ops);
            Cost cost = cost(before, mark(false));
            Map<String, Integer> kinds = new TreeMap<>();
            ops.forEach(op -> kinds.merge(op.get("op").asText(), 1, Integer::sum));
            batches.add(new DayBatch(day, ops.size(), kinds, cost));
            check(answer);
        }

        private JsonNode batch(List<ObjectNode> ops) throws Exception {
            ObjectNode request = JSON.createObjectNode();
            request.put("deviceId", "hp-clerk-01");
            ArrayNode list = request.putArray("operations");
            ops.forEach(list::add);
            return JSON.readTree(send("POST", base + "/batches", clerk, "application/json", request.toString(),
                    200));
        }

        private static void check(JsonNode answer) {
            for (JsonNode result : answer.get("results")) {
                if (result.get("status").asInt() != 201) {
                    throw new IllegalStateException("operation " + result.get("key").asText() + " answered "
                            + result.get("status").asInt() + ": " + result.get("problem"));
                }
            }
        }

        // --- the evening batches measured alone ---

        /** A kind of evening batch and what its repetitions cost. */
        record Sample(String name, int operations, List<Cost> costs) {
        }

        private List<Sample> samples() throws Exception {
            List<LoanPlan> open = new ArrayList<>();
            for (LoanPlan loan : loans) {
                if (LocalDate.parse(loan.installments().getLast().get("dueOn").asText()).isAfter(today.plusDays(40))) {
                    open.add(loan);
                }
            }
            List<Sample> samples = new ArrayList<>();
            samples.add(sample("1 savings deposit", 1, 0, open));
            samples.add(sample("30 savings deposits (one KUB meeting)", 30, 0, open));
            samples.add(sample("10 loan repayments", 0, 10, open));
            samples.add(sample("a busy evening: 30 deposits and 5 repayments", 30, 5, open));
            samples.add(sample(AFTER_CHECKPOINT, 30, 5, open));
            return samples;
        }

        /**
         * The busy evening again, each round the LED's first write since a checkpoint began: with 75,000 LEDs
         * each syncing once an evening and a checkpoint every few minutes, that is how nearly every LED's
         * pages are met, so the first change of each page after the checkpoint logs the whole page.
         */
        static final String AFTER_CHECKPOINT = "the busy evening as the LED's first write after a checkpoint";

        private Sample sample(String name, int deposits, int repayments, List<LoanPlan> open) throws Exception {
            List<Cost> costs = new ArrayList<>();
            boolean cold = name.equals(AFTER_CHECKPOINT);
            int rounds = cold ? 3 : 5;
            Mark before = mark(true);
            for (int round = 0; round < rounds; round++) {
                if (cold) {
                    awaitCheckpoint();
                    before = mark(true);
                }
                List<ObjectNode> ops = new ArrayList<>();
                for (int d = 0; d < deposits; d++) {
                    ops.add(operation("SAVINGS_DEPOSIT", "memberId", members.get((round * 31 + d + (cold ? 75 : 0))
                            % members.size()),
                            "amount", "20000", "receivedOn", today.toString(), "description", "Simpanan wajib"));
                }
                for (int r = 0; r < repayments; r++) {
                    ops.add(operation("REPAYMENT", "loanId", open.get((round * 7 + r) % open.size()).id(), "amount",
                            "10000", "paidOn", today.toString()));
                }
                JsonNode answer = batch(ops);
                Mark after = mark(true);
                costs.add(cost(before, after));
                before = after;
                check(answer);
            }
            log("sample '%s': median %d WAL bytes, %d statements", name.substring(0, Math.min(40, name.length())),
                    median(costs, c -> (double) c.walBytes()).longValue(),
                    median(costs, c -> (double) c.count("statements")).longValue());
            return new Sample(name, deposits + repayments, costs);
        }

        // --- measuring ---

        /** Waits until a checkpoint has begun after everything written so far (at most 7 minutes). */
        private void awaitCheckpoint() throws Exception {
            String lsn;
            try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(
                    "SELECT pg_current_wal_lsn()::text")) {
                row.next();
                lsn = row.getString(1);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(7).toNanos();
            while (System.nanoTime() < deadline) {
                try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(
                        "SELECT redo_lsn > '" + lsn + "'::pg_lsn FROM pg_control_checkpoint()")) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(2_000);
            }
            log("no checkpoint began within 7 minutes; this round is not after a checkpoint");
        }

        /** Seconds a full mark waits: an idle backend reports its statistics within PGSTAT_IDLE_INTERVAL (10 s). */
        static final double FULL_WAIT = 11.0;
        /** Seconds a light mark waits: the relay writes its counters every 100 ms. */
        static final double LIGHT_WAIT = 0.25;

        private Mark mark(boolean full) throws Exception {
            Thread.sleep((long) ((full ? FULL_WAIT : LIGHT_WAIT) * 1000));
            String lsn;
            Map<Long, Long> others = new HashMap<>();
            long walRecords = 0;
            long walFpi = 0;
            try (Statement statement = db.createStatement()) {
                if (full) {
                    try (ResultSet row = statement.executeQuery("SELECT wal_records, wal_fpi FROM pg_stat_wal")) {
                        row.next();
                        walRecords = row.getLong(1);
                        walFpi = row.getLong(2);
                    }
                }
                try (ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
                    row.next();
                    lsn = row.getString(1);
                }
                // Per database: one created or dropped meanwhile must not cancel another's commits out.
                try (ResultSet row = statement.executeQuery("SELECT datid, xact_commit + xact_rollback"
                        + " FROM pg_stat_database WHERE datname IS DISTINCT FROM current_database()")) {
                    while (row.next()) {
                        others.put(row.getLong(1), row.getLong(2));
                    }
                }
            }
            Map<String, Long> rows = full ? tupleCounts() : Map.of();
            return new Mark(System.nanoTime(), lsn, counts(), rows, full ? backendTicks() : 0,
                    full ? ticks(servicePid) : 0, others, walRecords, walFpi);
        }

        private Cost cost(Mark before, Mark after) throws SQLException {
            long wal;
            try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(
                    "SELECT pg_wal_lsn_diff('" + after.lsn() + "', '" + before.lsn() + "')::bigint")) {
                row.next();
                wal = row.getLong(1);
            }
            Map<String, Long> counts = new TreeMap<>();
            after.counts().forEach((k, v) -> counts.put(k, v - before.counts().getOrDefault(k, 0L)));
            Map<String, Long> rows = new TreeMap<>();
            after.rows().forEach((k, v) -> rows.put(k, v - before.rows().getOrDefault(k, 0L)));
            long others = 0;
            for (Map.Entry<Long, Long> database : after.others().entrySet()) {
                others += Math.max(0, database.getValue() - before.others().getOrDefault(database.getKey(), 0L));
            }
            return new Cost((after.nanos() - before.nanos()) / 1e9, wal, counts, rows, after.pgTicks()
                    - before.pgTicks(), after.jvmTicks() - before.jvmTicks(), others, after.walRecords()
                    - before.walRecords(), after.walFpi() - before.walFpi());
        }

        private Map<String, Long> counts() throws IOException {
            Map<String, Long> counts = new TreeMap<>();
            if (Files.exists(countsFile)) {
                for (String line : Files.readAllLines(countsFile)) {
                    String[] parts = line.split(" ");
                    if (parts.length == 2) {
                        counts.put(parts[0], Long.parseLong(parts[1]));
                    }
                }
            }
            return counts;
        }

        private Map<String, Long> tupleCounts() throws SQLException {
            Map<String, Long> rows = new TreeMap<>();
            try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(
                    "SELECT coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0), coalesce(sum(n_tup_hot_upd), 0),"
                            + " coalesce(sum(n_tup_del), 0) FROM pg_stat_user_tables")) {
                row.next();
                rows.put("inserted", row.getLong(1));
                rows.put("updated", row.getLong(2));
                rows.put("hot updated", row.getLong(3));
                rows.put("deleted", row.getLong(4));
            }
            return rows;
        }

        /** CPU ticks (user + system) of the service's PostgreSQL backends so far. */
        private long backendTicks() throws SQLException {
            long sum = 0;
            try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                            + " AND backend_type = 'client backend'")) {
                while (row.next()) {
                    sum += ticks(row.getLong(1));
                }
            }
            return sum;
        }

        private static long ticks(long pid) {
            if (pid <= 0) {
                return 0;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        private void maintain(String command) throws SQLException {
            try (Statement statement = db.createStatement()) {
                statement.execute("SET client_min_messages = error");
                statement.execute(command);
            }
        }

        /** Index of each figure in the arrays {@link #tables()} returns. */
        static final int ROWS = 0;
        static final int HEAP = 1;
        static final int INDEXES = 2;
        static final int TOAST = 3;
        static final int INDEX_COUNT = 4;
        static final int MODEL_HEAP = 5;
        static final int MODEL_INDEXES = 6;

        /**
         * Per table: rows of this LED (all rows for tables without led_id), heap, index and TOAST bytes as
         * stored, and a model of the bytes the LED's rows take wherever they are stored with the rows of other
         * LEDs: each row's stored size plus its line pointer, and for every index an entry of its columns'
         * stored sizes (8-byte header, 8-byte alignment, line pointer) at 90 % leaf fill. For a table of a few
         * rows the stored bytes are its minimum pages, the model is what those rows add to a shared table.
         */
        private Map<String, long[]> tables() throws SQLException {
            Map<String, long[]> tables = new TreeMap<>();
            Map<String, Boolean> owned = new TreeMap<>();
            try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery("""
                    SELECT c.relname, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                                                 AND a.attname = 'led_id' AND NOT a.attisdropped),
                           pg_relation_size(c.oid), pg_indexes_size(c.oid),
                           pg_total_relation_size(c.oid) - pg_relation_size(c.oid) - pg_indexes_size(c.oid),
                           (SELECT count(*) FROM pg_index x WHERE x.indrelid = c.oid)
                      FROM pg_class c
                     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'""")) {
                while (row.next()) {
                    owned.put(row.getString(1), row.getBoolean(2));
                    tables.put(row.getString(1), new long[] {0, row.getLong(3), row.getLong(4), row.getLong(5),
                        row.getLong(6), 0, 0});
                }
            }
            for (Map.Entry<String, Boolean> table : owned.entrySet()) {
                String where = table.getValue() ? "led_id = '" + ledId + "'" : "true";
                long[] figures = tables.get(table.getKey());
                try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(
                        "SELECT count(*), coalesce(sum(pg_column_size(t.*) + 4), 0) FROM " + table.getKey() + " t"
                                + " WHERE " + where)) {
                    row.next();
                    figures[ROWS] = row.getLong(1);
                    figures[MODEL_HEAP] = row.getLong(2);
                }
                List<String[]> indexes = new ArrayList<>();
                try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(
                        "SELECT (SELECT string_agg('coalesce(pg_column_size(' || pg_get_indexdef(x.indexrelid, k, true)"
                                + " || '), 0)', ' + ') FROM generate_series(1, x.indnatts) k),"
                                + " coalesce(pg_get_expr(x.indpred, x.indrelid), 'true')"
                                + " FROM pg_index x WHERE x.indrelid = '" + table.getKey() + "'::regclass")) {
                    while (row.next()) {
                        indexes.add(new String[] {row.getString(1), row.getString(2)});
                    }
                }
                for (String[] index : indexes) {
                    try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(
                            "SELECT coalesce(sum(((8 + " + index[0] + " + 7) / 8) * 8 + 4), 0) FROM "
                                    + table.getKey() + " WHERE " + where + " AND (" + index[1] + ")")) {
                        row.next();
                        figures[MODEL_INDEXES] += Math.round(row.getLong(1) / 0.9);
                    }
                }
            }
            return tables;
        }

        // --- the report ---

        /** Tables whose rows are kept only as long as idempotency keys (30 days by default), then purged. */
        static final List<String> TRANSIENT = List.of("idempotency_record", "field_batch");
        /** Tables that belong to no LED: counted for completeness, left out of the per-LED figures. */
        static final List<String> PLATFORM = List.of("district", "led", "flyway_schema_history");

        /** The bytes one LED's rows of a table take: measured when the table is big enough, else the model. */
        private static long perLed(long[] dense) {
            boolean measured = dense[HEAP] >= 16 * 8192L;
            return measured ? dense[HEAP] + dense[INDEXES] + dense[TOAST] : dense[MODEL_HEAP] + dense[MODEL_INDEXES];
        }

        private void report(Cost year, Map<String, long[]> before, Map<String, long[]> tables,
                Map<String, long[]> dense, List<Sample> samples) throws Exception {
            PrintStream p = System.out;
            String version;
            try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(
                    "SELECT version(), current_setting('shared_buffers'), current_setting('autovacuum'),"
                            + " current_setting('wal_compression'), current_setting('full_page_writes'),"
                            + " current_setting('checkpoint_timeout')")) {
                row.next();
                version = row.getString(1) + "; shared_buffers=" + row.getString(2) + ", autovacuum="
                        + row.getString(3) + ", wal_compression=" + row.getString(4) + ", full_page_writes="
                        + row.getString(5) + ", checkpoint_timeout=" + row.getString(6);
            }
            p.printf("# One LED-year through the API (measured: %s to %s, after a first year from %s)%n%n", start,
                    today, first);
            p.printf("PostgreSQL: %s%n%n", version);
            p.println("## What the measured year did");
            p.println();
            p.println("| operation | count |");
            p.println("| --- | ---: |");
            yearOperations.forEach((k, v) -> p.printf("| %s | %,d |%n", k, v));
            p.printf("| **HTTP requests** (single and batches) | %,d |%n", yearRequests);
            p.printf("| **field batches** (one per day with clerk work) | %,d |%n%n", batches.size());

            p.println("## Rows and bytes per table");
            p.println();
            p.println("Rows of the LED after two years and added in the measured year; bytes as left (VACUUM ANALYZE"
                    + " on the first of every month standing in for autovacuum) and after VACUUM FULL (dense: live"
                    + " rows, indexes rebuilt at 90 % leaf fill); the model (row sizes as stored, see the driver);"
                    + " per LED: dense when the heap has 16 pages or more, else the model (a table of a few rows is"
                    + " stored in whole 8 KB pages, which say nothing about what those rows add to a shared table).");
            p.println();
            p.println("| table | rows | added in the year | bytes as left | dense | model | per LED | per LED-year |");
            p.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            long[] kept = new long[4]; // rows, added rows, bytes, bytes added a year
            long[] transients = new long[4];
            for (Map.Entry<String, long[]> table : tables.entrySet()) {
                String name = table.getKey();
                long[] left = table.getValue();
                long[] packed = dense.get(name);
                long rows = left[ROWS];
                long added = rows - before.getOrDefault(name, new long[7])[ROWS];
                long bytes = perLed(packed);
                long yearly = rows == 0 ? 0 : Math.round((double) bytes * added / rows);
                if (rows == 0) {
                    continue;
                }
                p.printf("| %s%s | %,d | %,d | %,d | %,d | %,d | %,d%s | %,d |%n", name,
                        PLATFORM.contains(name) ? " (platform)" : TRANSIENT.contains(name) ? " (30 days)" : "", rows,
                        added, left[HEAP] + left[INDEXES] + left[TOAST], packed[HEAP] + packed[INDEXES] + packed[TOAST],
                        packed[MODEL_HEAP] + packed[MODEL_INDEXES], bytes,
                        packed[HEAP] >= 16 * 8192L ? "" : " (model)", yearly);
                if (PLATFORM.contains(name)) {
                    continue;
                }
                long[] sum = TRANSIENT.contains(name) ? transients : kept;
                sum[0] += rows;
                sum[1] += added;
                sum[2] += bytes;
                sum[3] += yearly;
            }
            p.printf("%nKept for good, one LED after two years: **%,d rows, %,d bytes**; added by the measured year:"
                    + " **%,d rows, %,d bytes**.%n", kept[0], kept[2], kept[1], kept[3]);
            p.printf("Kept only while idempotency keys and batch answers are (30 days by default), added by the year:"
                    + " %,d rows, %,d bytes (so %,d bytes held at any time).%n%n", transients[1], transients[3],
                    transients[3] * 30 / 365);

            p.println("## WAL and statements over the measured year");
            p.println();
            p.printf("The year: %,d bytes of WAL over %,.0f s (the monthly VACUUM ANALYZE included); other"
                    + " databases on the server committed %,d transactions meanwhile, whose WAL is in this figure"
                    + " too.%n%n", year.walBytes(), year.seconds(), year.otherTransactions());
            p.printf("The service over the year: %,d statements, %,d transactions, %,d validation queries"
                    + " (validate-on-borrow).%n%n", year.count("statements"), year.count("transactions"),
                    year.count("validation"));
            long walSum = 0;
            long opsSum = 0;
            long statementSum = 0;
            long transactionSum = 0;
            long cleanWal = 0;
            long cleanOps = 0;
            int clean = 0;
            for (DayBatch batch : batches) {
                walSum += batch.cost().walBytes();
                opsSum += batch.operations();
                statementSum += batch.cost().count("statements");
                transactionSum += batch.cost().count("transactions");
                if (batch.cost().otherTransactions() == 0) {
                    clean++;
                    cleanWal += batch.cost().walBytes();
                    cleanOps += batch.operations();
                }
            }
            List<Integer> sizes = new ArrayList<>(batches.stream().map(DayBatch::operations).toList());
            Collections.sort(sizes);
            p.printf(Locale.ROOT, "Evening batches: %d, %,d operations, %.1f a batch (median %d, p90 %d, max %d);"
                    + " over all of them %,.0f WAL bytes, %.1f statements and %.2f transactions per operation; over"
                    + " the %d batches during which no other database committed, %,.0f WAL bytes per operation.%n%n",
                    batches.size(), opsSum, (double) opsSum / batches.size(), sizes.get(sizes.size() / 2),
                    sizes.get(sizes.size() * 9 / 10), sizes.getLast(), (double) walSum / opsSum,
                    (double) statementSum / opsSum, (double) transactionSum / opsSum, clean,
                    cleanOps == 0 ? 0.0 : (double) cleanWal / cleanOps);

            p.println("## Evening batches measured alone (today, after the two years and VACUUM FULL)");
            p.println();
            p.println("Per operation. WAL is the server's (pg_current_wal_lsn, pg_stat_wal): another database's"
                    + " writes during a round add to it, never subtract, so the least of the rounds is the closest;"
                    + " a round is clean when no other database committed meanwhile. The other figures are"
                    + " medians of the rounds; CPU is the rounds' total over their operations (10 ms ticks of"
                    + " /proc) of the service's PostgreSQL backends and of the JVM.");
            p.println();
            p.println("| batch | ops | clean rounds | WAL B least (median) | full-page images least (median)"
                    + " | WAL records least | statements | transactions | validations | rows inserted"
                    + " | rows updated (HOT) | rows deleted | PostgreSQL CPU ms | JVM CPU ms | batch s |");
            p.println("| --- " + "| ---: ".repeat(14) + "|");
            for (Sample sample : samples) {
                double n = sample.operations();
                List<Cost> c = sample.costs();
                double ops = n * c.size();
                p.printf(Locale.ROOT, "| %s | %d | %d of %d | %,.0f (%,.0f) | %.2f (%.2f) | %.1f | %.1f | %.2f | %.2f"
                        + " | %.1f | %.1f (%.1f) | %.1f | %.2f | %.2f | %.2f |%n", sample.name(), sample.operations(),
                        c.stream().filter(x -> x.otherTransactions() == 0).count(), c.size(),
                        least(c, x -> x.walBytes() / n), median(c, x -> x.walBytes() / n),
                        least(c, x -> x.walFpi() / n), median(c, x -> x.walFpi() / n),
                        least(c, x -> x.walRecords() / n),
                        median(c, x -> x.count("statements") / n), median(c, x -> x.count("transactions") / n),
                        median(c, x -> x.count("validation") / n),
                        median(c, x -> x.rows().getOrDefault("inserted", 0L) / n),
                        median(c, x -> x.rows().getOrDefault("updated", 0L) / n),
                        median(c, x -> x.rows().getOrDefault("hot updated", 0L) / n),
                        median(c, x -> x.rows().getOrDefault("deleted", 0L) / n),
                        c.stream().mapToLong(Cost::pgTicks).sum() * 10.0 / ops,
                        c.stream().mapToLong(Cost::jvmTicks).sum() * 10.0 / ops,
                        median(c, x -> x.seconds() - FULL_WAIT));
            }
            p.println();
            p.println("Statements by kind, per operation (medians):");
            p.println();
            for (Sample sample : samples) {
                TreeSet<String> kinds = new TreeSet<>();
                sample.costs().forEach(c -> c.counts().keySet().stream().filter(k -> k.startsWith("statements."))
                        .forEach(kinds::add));
                StringBuilder line = new StringBuilder("- " + sample.name() + ":");
                for (String kind : kinds) {
                    double perOp = median(sample.costs(), c -> c.count(kind) / (double) sample.operations());
                    if (perOp > 0) {
                        line.append(String.format(Locale.ROOT, " %s %.2f,", kind.substring(11).toUpperCase(Locale.ROOT),
                                perOp));
                    }
                }
                p.println(line.substring(0, line.length() - 1));
            }
            p.println();
            writeRaw(before, tables, dense, samples);
        }

        private void writeRaw(Map<String, long[]> before, Map<String, long[]> tables, Map<String, long[]> dense,
                List<Sample> samples) throws IOException {
            StringBuilder t = new StringBuilder("table\trows_before_year\trows\theap\tindexes\ttoast\tdense_heap"
                    + "\tdense_indexes\tdense_toast\tmodel_heap\tmodel_indexes\tindex_count\n");
            tables.forEach((name, v) -> {
                long[] d = dense.get(name);
                t.append(String.join("\t", name, Long.toString(before.getOrDefault(name, new long[7])[ROWS]),
                        Long.toString(v[ROWS]), Long.toString(v[HEAP]), Long.toString(v[INDEXES]),
                        Long.toString(v[TOAST]), Long.toString(d[HEAP]), Long.toString(d[INDEXES]),
                        Long.toString(d[TOAST]), Long.toString(d[MODEL_HEAP]), Long.toString(d[MODEL_INDEXES]),
                        Long.toString(v[INDEX_COUNT]))).append('\n');
            });
            Files.writeString(out.resolve("tables.tsv"), t);
            StringBuilder b = new StringBuilder("day\toperations\tseconds\twal_bytes\tstatements\ttransactions\t"
                    + "other_db_transactions\tkinds\n");
            for (DayBatch batch : batches) {
                b.append(batch.day()).append('\t').append(batch.operations()).append('\t')
                        .append(String.format(Locale.ROOT, "%.3f", batch.cost().seconds() - LIGHT_WAIT)).append('\t')
                        .append(batch.cost().walBytes()).append('\t').append(batch.cost().count("statements"))
                        .append('\t').append(batch.cost().count("transactions")).append('\t')
                        .append(batch.cost().otherTransactions()).append('\t').append(batch.kinds()).append('\n');
            }
            Files.writeString(out.resolve("batches.tsv"), b);
            StringBuilder s = new StringBuilder("sample\tround\toperations\tseconds\twal_bytes\twal_records\twal_fpi"
                    + "\tcounts\trows\tpg_ticks\tjvm_ticks\tother_db_transactions\n");
            for (Sample sample : samples) {
                for (int i = 0; i < sample.costs().size(); i++) {
                    Cost c = sample.costs().get(i);
                    s.append(sample.name()).append('\t').append(i + 1).append('\t').append(sample.operations())
                            .append('\t').append(String.format(Locale.ROOT, "%.3f", c.seconds() - FULL_WAIT))
                            .append('\t').append(c.walBytes()).append('\t').append(c.walRecords()).append('\t')
                            .append(c.walFpi()).append('\t').append(c.counts()).append('\t').append(c.rows())
                            .append('\t').append(c.pgTicks()).append('\t').append(c.jvmTicks()).append('\t')
                            .append(c.otherTransactions()).append('\n');
                }
            }
            Files.writeString(out.resolve("samples.tsv"), s);
        }

        static double least(List<Cost> costs, java.util.function.ToDoubleFunction<Cost> of) {
            return costs.stream().mapToDouble(of).min().orElse(0);
        }

        static Double median(List<Cost> costs, java.util.function.ToDoubleFunction<Cost> of) {
            double[] values = costs.stream().mapToDouble(of).sorted().toArray();
            return values.length % 2 == 1 ? values[values.length / 2]
                    : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        }

        // --- HTTP ---

        private void tally(String what) {
            operations.merge(what, 1, Integer::sum);
        }

        private JsonNode get(String path, String token) throws Exception {
            return JSON.readTree(send("GET", path, token, null, null, 200));
        }

        /** A POST that creates: 201 (or 200 for an action without a new resource), with a fresh Idempotency-Key. */
        private JsonNode post(String path, String token, ObjectNode body) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "fp-single-" + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            httpRequests++;
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        }

        private String send(String method, String path, String token, String type, String body, int expected)
                throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            httpRequests++;
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }

        private static ObjectNode object(Object... fields) {
            ObjectNode node = JSON.createObjectNode();
            for (int i = 0; i < fields.length; i += 2) {
                String name = (String) fields[i];
                Object value = fields[i + 1];
                switch (value) {
                    case Integer n -> node.put(name, n);
                    case Boolean b -> node.put(name, b);
                    case ObjectNode o -> node.set(name, o);
                    default -> node.put(name, value.toString());
                }
            }
            return node;
        }

        private static long rupiah(String amount) {
            return new java.math.BigDecimal(amount).longValue();
        }
    }

}
