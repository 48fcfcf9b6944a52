package id.lumbung.loan.portfolio;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.ledger.AccountPurpose;
import id.lumbung.ledger.JournalHead;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.SystemAccounts;
import id.lumbung.ledger.account.AccountService;
import id.lumbung.loan.Loan;
import id.lumbung.loan.LoanPositions;
import id.lumbung.loan.quality.Grade;
import id.lumbung.loan.quality.LoanGrades;
import id.lumbung.loan.quality.QualitySetting;
import id.lumbung.loan.repayment.LoanPosition;
import id.lumbung.platform.error.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The portfolio report as of a day. Its cost is a fixed number of set-based reads whatever the
 * number of loans: the loans, their positions ({@link LoanPositions}: a few queries for all of
 * them), the names it shows, the allowance's balance and one statement for the repayment rate;
 * never a query per loan.
 */
@ApplicationScoped
public class PortfolioService {

    private final DataSource dataSource;
    private final LoanPositions positions;
    private final LoanGrades grades;
    private final AccountService accounts;
    private final SystemAccounts system;
    private final PostingService posting;

    public PortfolioService(DataSource dataSource, LoanPositions positions, LoanGrades grades,
            AccountService accounts, SystemAccounts system, PostingService posting) {
        this.dataSource = dataSource;
        this.positions = positions;
        this.grades = grades;
        this.accounts = accounts;
        this.system = system;
        this.posting = posting;
    }

    /** The report as of {@code asOf} (default today); member names only when {@code withNames}. */
    public PortfolioView report(UUID ledId, LocalDate asOf, LocalDate from, boolean withNames) {
        LocalDate day = asOf == null ? posting.today(ledId) : asOf;
        if (from != null && from.isAfter(day)) {
            throw ApiException.invalidField("from", "must not be after asOf (" + day + ")");
        }
        // The repayment rate reads every installment that fell due, the positions only the open ones:
        // the rate runs on a connection of its own meanwhile, so the report waits for the longer of the
        // two rather than their sum. That connection is taken before the report's transaction takes its
        // own, never after: a report holding one connection while it waited for a second deadlocked with
        // the others as soon as eight did so at once (the pool has eight). Each statement reads its own
        // snapshot, as every statement of a read-committed transaction does; the chain head says what
        // the report reflects.
        CountDownLatch borrowed = new CountDownLatch(1);
        FutureTask<RepaymentRateQuery.Sums> rate = new FutureTask<>(() -> repaymentRate(ledId, from, day, borrowed));
        Thread.ofVirtual().name("portfolio-repayment-rate").start(rate);
        awaitBorrowed(borrowed);
        return QuarkusTransaction.requiringNew().call(() -> report(ledId, day, from, withNames, rate));
    }

    private PortfolioView report(UUID ledId, LocalDate day, LocalDate from, boolean withNames,
            FutureTask<RepaymentRateQuery.Sums> rate) {
        JournalHead head = JournalHead.findById(ledId);
        // Every loan something was ever dated on: which of them stood on the day is the positions' call.
        List<Loan> candidates = Loan.list("ledId = ?1 and latestEventOn is not null", ledId);
        Map<UUID, LoanPosition> standing = positions.asOf(ledId, candidates, day);
        QualitySetting setting = grades.setting(ledId, day);
        Map<UUID, Grade> graded = grades.of(setting, candidates, standing, day);
        List<PortfolioLoan> inPortfolio = new ArrayList<>();
        for (Loan loan : candidates) {
            Grade grade = graded.get(loan.id);
            if (grade != null && grade.outstandingPrincipal().isPositive()) {
                inPortfolio.add(new PortfolioLoan(loan.id, loan.memberId, loan.groupId, loan.productId,
                        standing.get(loan.id), grade));
            }
        }
        PortfolioFigures figures = new PortfolioFigures(inPortfolio);
        RepaymentRateQuery.Sums sums = awaited(rate);
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, String> groupNames = names(connection, "kub_group", ledId,
                    inPortfolio.stream().map(PortfolioLoan::groupId).filter(id -> id != null).distinct().toList());
            Map<UUID, String> productNames = names(connection, "loan_product", ledId,
                    inPortfolio.stream().map(PortfolioLoan::productId).distinct().toList());
            Map<UUID, String> memberNames = withNames
                    ? names(connection, "member", ledId, figures.membersInArrears()) : Map.of();
            return new PortfolioView(day, from, new PortfolioView.ChainHead(head.lastNumber, head.lastHash),
                    figures.count(), figures.borrowers(), figures.outstanding(), figures.byClass(setting.classes()),
                    figures.provisionRequired(), accounts.get(ledId, system.code(ledId,
                            AccountPurpose.LOAN_LOSS_ALLOWANCE), day).balance(), figures.par(),
                    figures.restructured(),
                    Ratio.orNull(sums.collected(), sums.due()), figures.byGroup(groupNames, memberNames, withNames),
                    figures.byProduct(productNames));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the portfolio failed: SQL state " + e.getSQLState(), e);
        }
    }

    /**
     * Outside the report's transaction: a connection of its own, returned when the sums are read. It
     * says when it has its connection (or failed to get one), so that the report borrows only after.
     */
    private RepaymentRateQuery.Sums repaymentRate(UUID ledId, LocalDate from, LocalDate day, CountDownLatch borrowed)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            borrowed.countDown();
            return RepaymentRateQuery.sums(connection, ledId, from, day);
        } finally {
            borrowed.countDown();
        }
    }

    private static void awaitBorrowed(CountDownLatch borrowed) {
        try {
            borrowed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the repayment rate took its connection", e);
        }
    }

    private static RepaymentRateQuery.Sums awaited(FutureTask<RepaymentRateQuery.Sums> rate) {
        try {
            return rate.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the repayment rate", e);
        } catch (ExecutionException e) {
            // A database fault keeps its type, so that it answers 503 like any other.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("reading the repayment rate failed", e.getCause());
        }
    }

    /** The names of these rows of a table with (led_id, id, name), in one statement. */
    private static Map<UUID, String> names(Connection connection, String table, UUID ledId, Collection<UUID> ids)
            throws SQLException {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name FROM " + table + " WHERE led_id = ? AND id = ANY (?)")) {
            select.setObject(1, ledId);
            select.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    names.put(row.getObject(1, UUID.class), row.getString(2));
                }
            }
        }
        return names;
    }
}
