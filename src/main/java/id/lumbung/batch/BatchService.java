package id.lumbung.batch;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.UriBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.lumbung.contribution.ContributionResource;
import id.lumbung.expense.ExpenseResource;
import id.lumbung.loan.LoanMoneyResource;
import id.lumbung.loan.group.GroupLoanResource;
import id.lumbung.platform.database.SecondConnection;
import id.lumbung.platform.error.Problem;
import id.lumbung.platform.error.ProblemType;
import id.lumbung.platform.idempotency.Created;
import id.lumbung.platform.idempotency.IdempotencyService;
import id.lumbung.platform.idempotency.IdempotentRequest;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.security.Caller;
import id.lumbung.savings.SavingsResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Decides a field batch: each operation in the order sent, exactly as its single endpoint decides it
 * alone with its key (the endpoint's own method: same validation, role check, rules, problems and
 * idempotency fingerprint), so a key first sent alone and then in a batch, or the other way round,
 * replays instead of posting twice.
 *
 * <p>{@code atomic:false}: each operation commits in a transaction of its own, as it would alone,
 * so one refusal never undoes another. (Not savepoints in one transaction: a refusal thrown through
 * the features' {@code @Transactional} services marks the whole JTA transaction rollback-only, and
 * deciding refusals without throwing would need a second copy of every rule.) {@code atomic:true}:
 * all operations share one transaction, which the first refusal rolls back whole: 409
 * {@code batch-refused}, nothing written; it locks the business rows it names first
 * ({@link BatchLocks}), as single requests do before the journal head. The batch's own answer,
 * and its own key if it sent one, are stored in the outer transaction that spans the operations.
 */
@ApplicationScoped
public class BatchService {

    /** The batch's own key is fingerprinted under this operation name. */
    static final String OPERATION = "POST batches";

    private final LoanMoneyResource loans;
    private final SavingsResource savings;
    private final ContributionResource contributions;
    private final ExpenseResource expenses;
    private final GroupLoanResource groupLoans;
    private final IdempotencyService idempotency;
    private final Validator validator;
    private final ObjectMapper json;
    private final Refusals refusals;
    private final BatchRecords records;
    private final BatchLocks locks;
    private final Caller caller;
    private final SecondConnection secondConnection;

    public BatchService(LoanMoneyResource loans, SavingsResource savings, ContributionResource contributions,
            ExpenseResource expenses, GroupLoanResource groupLoans, IdempotencyService idempotency,
            Validator validator, ObjectMapper json, Refusals refusals, BatchRecords records, BatchLocks locks,
            Caller caller, SecondConnection secondConnection) {
        this.loans = loans;
        this.savings = savings;
        this.contributions = contributions;
        this.expenses = expenses;
        this.groupLoans = groupLoans;
        this.idempotency = idempotency;
        this.validator = validator;
        this.json = json;
        this.refusals = refusals;
        this.records = records;
        this.locks = locks;
        this.caller = caller;
        this.secondConnection = secondConnection;
    }

    /**
     * Decides every operation of a batch whose shape is already checked (each operation an object
     * with a known {@code op} and a {@code key}), stores the answer and returns it (200), or the
     * original answer of the batch's own key. The timeout covers 1,000 operations on a slow day.
     *
     * @throws BatchRefused when an atomic batch has a refused operation (nothing is written)
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public Created submit(UUID ledId, String batchKey, BatchRequest request, URI base) {
        IdempotentRequest retry = batchKey == null ? null : idempotency.identify(ledId, batchKey, OPERATION, request);
        if (retry != null && !request.allOrNone()) {
            // The batch's key is claimed on this transaction's connection while each operation commits on
            // another: a bounded number of batches may do that at once (nothing has touched the database yet,
            // so waiting for a turn holds no connection).
            return secondConnection.run(() -> decideBatch(ledId, retry, request, base));
        }
        return decideBatch(ledId, retry, request, base);
    }

    private Created decideBatch(UUID ledId, IdempotentRequest retry, BatchRequest request, URI base) {
        return idempotency.once(retry, () -> {
            List<OperationResult> results = request.allOrNone()
                    ? allOrNone(ledId, request.operations(), base)
                    : each(ledId, request.operations(), base);
            BatchView view = new BatchView(Ids.next(), results);
            records.store(ledId, view.id(), caller.subject(), request.deviceId(), request.allOrNone(),
                    results.size(), write(view));
            return new Created(200, UriBuilder.fromUri(base).path("api/v1/leds").path(ledId.toString())
                    .path("batches").path(view.id().toString()).build(), view, false);
        });
    }

    /** Each operation in a transaction of its own: a refusal is that operation's result only. */
    private List<OperationResult> each(UUID ledId, List<BatchOperation> operations, URI base) {
        List<OperationResult> results = new ArrayList<>(operations.size());
        for (BatchOperation operation : operations) {
            String key = operation.fields().get("key").asText();
            try {
                results.add(QuarkusTransaction.requiringNew().call(() -> decide(ledId, operation.fields(), base)));
            } catch (RuntimeException e) {
                results.add(OperationResult.refused(key, refusal(e)));
            }
        }
        return results;
    }

    /** Every operation in the batch's transaction; the first refusal stops and undoes them all. */
    private List<OperationResult> allOrNone(UUID ledId, List<BatchOperation> operations, URI base) {
        List<OperationResult> results = new ArrayList<>(operations.size());
        locks.lock(ledId, operations);
        for (BatchOperation operation : operations) {
            try {
                results.add(decide(ledId, operation.fields(), base));
            } catch (JsonProcessingException | RuntimeException e) {
                throw new BatchRefused(refusedAt(results, operations, refusal(e)));
            }
        }
        return results;
    }

    /**
     * The outcome of every operation of an atomic batch whose operation {@code results.size()} was
     * refused: its problem; 424 for every other one, decided or not, as none is written; a replay
     * stays a replay (it was written before this batch).
     */
    private static BatchRefusal refusedAt(List<OperationResult> decided, List<BatchOperation> operations,
            Problem problem) {
        int refused = decided.size();
        String refusedKey = operations.get(refused).fields().get("key").asText();
        String because = "operation " + (refused + 1) + " (key " + refusedKey + ") was refused: "
                + problem.type().substring(ProblemType.URN_PREFIX.length());
        List<OperationResult> outcomes = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            String key = operations.get(i).fields().get("key").asText();
            if (i == refused) {
                outcomes.add(OperationResult.refused(key, problem));
            } else if (i < refused && decided.get(i).replayed()) {
                outcomes.add(decided.get(i));
            } else {
                outcomes.add(OperationResult.refused(key, Problem.of(ProblemType.OPERATION_NOT_APPLIED,
                        (i < refused ? "not written: " : "not decided: ") + because + " and the batch is atomic",
                        null, List.of())));
            }
        }
        return BatchRefusal.of(because + "; nothing was written", outcomes);
    }

    /** One operation, read into its kind, validated as its single endpoint validates, and decided there. */
    private OperationResult decide(UUID ledId, ObjectNode fields, URI base) throws JsonProcessingException {
        FieldOperation operation = json.treeToValue(fields, BatchOperation.KINDS.get(fields.get("op").asText()));
        Set<ConstraintViolation<?>> violations = new LinkedHashSet<>(validator.validate(operation));
        violations.addAll(validator.validate(operation.request()));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Created created = switch (operation) {
            case FieldOperation.Repayment op -> loans.recordRepayment(ledId, op.loanId(), op.key(), op.request(),
                    base);
            case FieldOperation.SavingsDeposit op -> savings.deposit(ledId, op.memberId(), op.key(), op.request(),
                    base);
            case FieldOperation.SavingsWithdrawal op -> savings.withdraw(ledId, op.memberId(), op.key(),
                    op.request(), base);
            case FieldOperation.Contribution op -> contributions.record(ledId, op.key(), op.request(), base);
            case FieldOperation.Expense op -> expenses.record(ledId, op.key(), op.request(), base);
            case FieldOperation.GroupRepayment op -> groupLoans.recordRepayment(ledId, op.groupId(), op.loanId(),
                    op.key(), op.request(), base);
        };
        JsonNode body = created.replayed() ? json.readTree((String) created.body()) : json.valueToTree(created.body());
        return OperationResult.created(operation.key(), created.status(), body, created.replayed());
    }

    /** The operation's problem; anything that is no refusal (a fault) fails the whole batch. */
    private Problem refusal(Exception e) {
        Throwable cause = e instanceof QuarkusTransactionException && e.getCause() != null ? e.getCause() : e;
        Problem problem = refusals.of(cause);
        if (problem == null) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("operation failed", e);
        }
        return problem;
    }

    private String write(BatchView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("batch answer cannot be stored", e);
        }
    }
}
