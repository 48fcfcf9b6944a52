package id.lumbung.statement.settings;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.lumbung.audit.AuditTrail;
import id.lumbung.audit.Changes;
import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.AccountType;
import id.lumbung.ledger.Side;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.http.ETags;
import id.lumbung.statement.AccountLine;
import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.StatementGroup;
import id.lumbung.statement.StatementMapping;
import id.lumbung.statement.StatementSnapshots;

/** Reads and replaces an LED's statement settings. */
@ApplicationScoped
public class StatementSettingsService {

    private final DataSource dataSource;
    private final StatementSnapshots snapshots;
    private final AuditTrail audit;

    public StatementSettingsService(DataSource dataSource, StatementSnapshots snapshots, AuditTrail audit) {
        this.dataSource = dataSource;
        this.snapshots = snapshots;
        this.audit = audit;
    }

    /** The settings in force with the version their ETag is made of, and where each account goes. */
    public record Versioned(StatementSettingsView settings, long version) {
    }

    public Versioned versioned(UUID ledId) {
        return snapshots.read(ledId, reads -> {
            StatementSettingsStore.Stored stored = StatementSettingsStore.read(reads.connection(), ledId, false);
            return new Versioned(view(stored.settings(), reads.balances().chart()), stored.version());
        });
    }

    /**
     * Replaces the settings; what the request leaves out takes its default. With {@code ifMatch},
     * only while the stored version is still that one (412 otherwise), checked under the row's lock.
     */
    @Transactional
    public Versioned replace(UUID ledId, StatementSettingsRequest request, String updatedBy, String ifMatch) {
        try (Connection connection = dataSource.getConnection()) {
            List<AccountLine> chart = chart(connection, ledId);
            StatementSettings settings = new StatementSettings(groups(request, chart),
                    request.lendingCashFlow() == null ? LendingCashFlow.OPERATING : request.lendingCashFlow(),
                    request.signatureBlock() == null ? SignatureBlock.NONE : request.signatureBlock(),
                    targets(request, chart), Boolean.TRUE.equals(request.publicSummaryPublished()));
            StatementSettingsStore.Stored current = StatementSettingsStore.read(connection, ledId, true);
            ETags.requireMatch(ifMatch, current.version());
            if (!StatementSettingsStore.write(connection, ledId, settings, updatedBy, current.version())) {
                throw ETags.given(ifMatch) ? ETags.stale(current.version() + 1)
                        : new ApiException(ProblemType.CONCURRENT_UPDATE, "another manager stored this LED's first "
                                + "statement settings at the same moment; read them and retry");
            }
            audit.record(ledId, "statement-settings.replaced", "statement-settings", ledId,
                    changes(current.settings(), settings, chart));
            return new Versioned(view(settings, chart), current.version() + 1);
        } catch (SQLException e) {
            throw new IllegalStateException("storing statement settings failed: SQL state " + e.getSQLState(), e);
        }
    }

    /** Resolves the request's codes against the chart: an unknown code is 422, a group of another type 400. */
    private static Map<UUID, StatementGroup> groups(StatementSettingsRequest request, List<AccountLine> chart) {
        Map<String, AccountLine> byCode = new HashMap<>();
        chart.forEach(a -> byCode.put(a.code(), a));
        Map<UUID, StatementGroup> groups = new HashMap<>();
        List<StatementSettingsRequest.AccountGroup> requested = request.accountGroups() == null ? List.of()
                : request.accountGroups();
        for (int i = 0; i < requested.size(); i++) {
            StatementSettingsRequest.AccountGroup one = requested.get(i);
            String field = "accountGroups[" + i + "]";
            AccountLine account = byCode.get(one.account());
            if (account == null) {
                throw new ApiException(ProblemType.UNKNOWN_ACCOUNT, field + ".account: no account " + one.account()
                        + " in this LED", List.of(new Problem.FieldError(field + ".account", "no such account")));
            }
            if (one.group().type() != account.type()) {
                throw ApiException.invalidField(field + ".group", one.group() + " presents " + label(one.group()
                        .type()) + " accounts; " + account.code() + " is " + label(account.type()));
            }
            if (groups.put(account.accountId(), one.group()) != null) {
                throw ApiException.invalidField(field + ".account", account.code() + " is listed twice");
            }
        }
        return groups;
    }

    /** The LED's own target accounts: CAPITAL stays in equity, the funds are owed (liability) or kept (equity). */
    private static Map<SurplusTarget, String> targets(StatementSettingsRequest request, List<AccountLine> chart) {
        Map<SurplusTarget, String> targets = new EnumMap<>(SurplusTarget.class);
        List<StatementSettingsRequest.AllocationTarget> requested = request.allocationTargets() == null ? List.of()
                : request.allocationTargets();
        for (int i = 0; i < requested.size(); i++) {
            StatementSettingsRequest.AllocationTarget one = requested.get(i);
            String field = "allocationTargets[" + i + "]";
            AccountLine account = chart.stream().filter(a -> a.code().equals(one.account())).findFirst()
                    .orElseThrow(() -> new ApiException(ProblemType.UNKNOWN_ACCOUNT, field + ".account: no account "
                            + one.account() + " in this LED", List.of(new Problem.FieldError(field + ".account",
                                    "no such account"))));
            boolean fits = account.type() == AccountType.EQUITY
                    || account.type() == AccountType.LIABILITY && one.target() != SurplusTarget.CAPITAL;
            if (!fits || account.contra()) {
                throw ApiException.invalidField(field + ".account", one.target() + " takes "
                        + (one.target() == SurplusTarget.CAPITAL ? "an equity" : "a liability or equity")
                        + " account; " + account.code() + " is " + (account.contra() ? "a contra account"
                                : label(account.type())));
            }
            // Another system account (retained surplus, grant capital, member savings, ...) keeps its own
            // meaning: a share posted there would be hidden in it, or, for retained surplus, not move at all.
            if (account.purpose() != null && account.purpose() != one.target().account()) {
                throw ApiException.invalidField(field + ".account", account.code() + " is the system account "
                        + account.purpose() + "; " + one.target() + " takes its own system account or one the LED "
                        + "created");
            }
            if (targets.put(one.target(), account.code()) != null) {
                throw ApiException.invalidField(field + ".target", one.target() + " is listed twice");
            }
        }
        return Map.copyOf(targets);
    }

    private static String label(AccountType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static StatementSettingsView view(StatementSettings settings, List<AccountLine> chart) {
        StatementMapping mapping = new StatementMapping(chart, settings.accountGroups());
        List<StatementSettingsRequest.AccountGroup> explicit = new ArrayList<>();
        List<StatementSettingsView.Presentation> presentation = new ArrayList<>(chart.size());
        for (AccountLine account : chart) {
            StatementGroup group = settings.accountGroups().get(account.accountId());
            if (group != null) {
                explicit.add(new StatementSettingsRequest.AccountGroup(account.code(), group));
            }
            presentation.add(new StatementSettingsView.Presentation(account.code(), account.name(),
                    mapping.groupOf(account), mapping.sourceOf(account)));
        }
        List<StatementSettingsView.TargetAccount> targets = new ArrayList<>();
        for (SurplusTarget target : SurplusTarget.values()) {
            String chosen = settings.allocationTargets().get(target);
            String account = chosen != null ? chosen : chart.stream().filter(a -> a.purpose() == target.account())
                    .map(AccountLine::code).findFirst().orElseThrow();
            targets.add(new StatementSettingsView.TargetAccount(target, account,
                    chosen != null ? StatementMapping.Source.SETTING : StatementMapping.Source.DEFAULT));
        }
        return new StatementSettingsView(explicit, presentation, settings.lendingCashFlow(),
                settings.signatureBlock(), targets, settings.publicSummaryPublished());
    }

    private static Changes changes(StatementSettings old, StatementSettings now, List<AccountLine> chart) {
        return Changes.of()
                .field("accountGroups", byCode(old, chart), byCode(now, chart))
                .field("lendingCashFlow", old.lendingCashFlow(), now.lendingCashFlow())
                .field("signatureBlock.place", old.signatureBlock().place(), now.signatureBlock().place())
                .field("signatureBlock.signatories", old.signatureBlock().signatories(),
                        now.signatureBlock().signatories())
                .field("allocationTargets", new TreeMap<>(old.allocationTargets()),
                        new TreeMap<>(now.allocationTargets()))
                .field("publicSummaryPublished", old.publicSummaryPublished(), now.publicSummaryPublished());
    }

    private static Map<String, StatementGroup> byCode(StatementSettings settings, List<AccountLine> chart) {
        Map<String, StatementGroup> byCode = new TreeMap<>();
        for (AccountLine account : chart) {
            StatementGroup group = settings.accountGroups().get(account.accountId());
            if (group != null) {
                byCode.put(account.code(), group);
            }
        }
        return byCode;
    }

    private static List<AccountLine> chart(Connection connection, UUID ledId) throws SQLException {
        List<AccountLine> chart = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, code, name, type, contra, normal_side, parent_id, purpose
                  FROM account WHERE led_id = ? ORDER BY code""")) {
            select.setObject(1, ledId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String purpose = rs.getString(8);
                    chart.add(new AccountLine(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            AccountType.valueOf(rs.getString(4)), rs.getBoolean(5), Side.valueOf(rs.getString(6)),
                            rs.getObject(7, UUID.class), purpose == null ? null : AccountPurpose.valueOf(purpose),
                            BigDecimal.ZERO, BigDecimal.ZERO));
                }
            }
        }
        return chart;
    }
}
