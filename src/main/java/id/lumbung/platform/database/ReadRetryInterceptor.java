package id.lumbung.platform.database;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.GET;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs a read once more when its connection broke between borrow and use (validation on borrow
 * cannot see a connection the server ends a moment later: a restart, a failover,
 * {@code pg_terminate_backend}). Only a {@code GET}: it writes nothing, so running it twice is
 * harmless, while a write whose commit outcome is unknown is never repeated here (the client
 * retries it with its Idempotency-Key). Only once, and only for a lost connection
 * ({@link DatabaseFaults#connectionLost}): a database that refuses connections answers 503 at once
 * instead of making the request wait twice.
 *
 * <p>It runs before the transaction interceptor (Narayana's is at {@code PLATFORM_BEFORE + 200}),
 * and only when no transaction is active, so the second attempt begins a new transaction, on a
 * connection the pool validates afresh; the broken one was flagged by the pool's PostgreSQL
 * exception sorter (SQL state class 08) and is destroyed rather than returned. The response has
 * not started when the method throws: resource methods return their entity, which is written only
 * after they return.
 */
@RetriesReads
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ReadRetryInterceptor {

    private static final Logger LOG = Logger.getLogger(ReadRetryInterceptor.class);

    private final TransactionManager transactions;
    private final Counter succeeded;
    private final Counter failed;

    public ReadRetryInterceptor(TransactionManager transactions, MeterRegistry registry) {
        this.transactions = transactions;
        this.succeeded = retries(registry, "succeeded");
        this.failed = retries(registry, "failed");
    }

    @AroundInvoke
    Object retryLostRead(InvocationContext invocation) throws Exception {
        if (!invocation.getMethod().isAnnotationPresent(GET.class)) {
            return invocation.proceed();
        }
        try {
            return invocation.proceed();
        } catch (Exception lost) {
            if (!DatabaseFaults.connectionLost(lost) || inTransaction()) {
                throw lost;
            }
            LOG.infof("%s lost its database connection; reading once more on a fresh one",
                    invocation.getMethod().getName());
            try {
                Object answer = invocation.proceed();
                succeeded.increment();
                return answer;
            } catch (Exception again) {
                failed.increment();
                throw again;
            }
        }
    }

    private boolean inTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }

    private static Counter retries(MeterRegistry registry, String outcome) {
        return Counter.builder("lumbung.read.retries")
                .description("Reads run once more after their database connection was lost, by how the retry ended")
                .tag("outcome", outcome)
                .register(registry);
    }
}
