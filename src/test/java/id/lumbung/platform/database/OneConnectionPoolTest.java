package id.lumbung.platform.database;

import static id.lumbung.loan.Lending.base;
import static id.lumbung.loan.Lending.day;
import static id.lumbung.support.Api.as;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.lumbung.loan.Lending;
import id.lumbung.support.Api;
import id.lumbung.support.TestDatabase;
import id.lumbung.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service on a pool of one connection: no request may need a second connection while it holds a first,
 * on its own thread ({@link NestedBorrowGuard} watches that everywhere) or on a helper thread it waits for.
 * A request that does deadlocks with the others once they hold every connection — here at once, with only
 * one — and answers 503 after the acquisition timeout. The portfolio report did: it held its transaction's
 * connection while it waited for its repayment rate, read on a second one.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class OneConnectionPoolTest {

    @Inject
    AgroalDataSource dataSource;

    private int minSize;
    private int maxSize;

    /** Shrunk while the service runs (Flyway needs two connections to start, so not by configuration). */
    @BeforeEach
    void oneConnection() {
        var pool = dataSource.getConfiguration().connectionPoolConfiguration();
        minSize = pool.minSize();
        maxSize = pool.maxSize();
        pool.setMinSize(1);
        pool.setMaxSize(1);
    }

    @AfterEach
    void restore() {
        var pool = dataSource.getConfiguration().connectionPoolConfiguration();
        pool.setMaxSize(maxSize);
        pool.setMinSize(minSize);
    }

    @Test
    void everyKindOfRequestGetsByOnOneConnection() {
        UUID led = Lending.funded();
        UUID product = Lending.product(led, "FLAT", "1.5", "MONTH", "MONTHLY", 10, Map.of());
        UUID member = Lending.member(led, "Siti Aminah");
        UUID loan = Lending.disbursed(led, member, product, "2000000", day(-45));
        Lending.repay(led, loan, "250000", day(-1)).then().statusCode(201);
        String clerk = Tokens.clerk(led);
        String manager = Tokens.manager(led);
        as(clerk).body(Map.of("amount", "50000", "receivedOn", day(0)))
                .post(base(led) + "/members/" + member + "/savings/deposits").then().statusCode(201);
        // An adjustment goes through the group commit: the request waits for the writer's connection.
        as(manager).body(Api.entry(day(0), "5-1100", "1-1100", "15000.00"))
                .post(base(led) + "/journal-entries").then().statusCode(201);

        as(manager).get(base(led) + "/portfolio").then().statusCode(200);
        as(manager).get(base(led) + "/loans/" + loan).then().statusCode(200);
        as(manager).get(base(led) + "/accounts").then().statusCode(200);
        as(manager).get(base(led) + "/journal/verification").then().statusCode(200);
    }
}
