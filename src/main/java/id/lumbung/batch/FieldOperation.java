package id.lumbung.batch;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import id.lumbung.contribution.ContributionRequest;
import id.lumbung.contribution.ContributionType;
import id.lumbung.expense.ExpenseRequest;
import id.lumbung.loan.RepaymentRequest;
import id.lumbung.loan.group.GroupRepaymentRequest;
import id.lumbung.money.Amount;
import id.lumbung.savings.DepositRequest;
import id.lumbung.savings.WithdrawalRequest;

/**
 * One operation of a field batch: its own {@code Idempotency-Key}, its kind ({@code op}), the ids its
 * single endpoint takes in the path, and exactly the fields of that endpoint's body, which
 * {@link #request()} hands on unchanged. Bean Validation of the body is the single request's own
 * (its record's constraints); only the path ids are checked here.
 */
public sealed interface FieldOperation {

    String KEY = "The operation's own Idempotency-Key, as it would be sent alone (1 to 200 visible ASCII "
            + "characters, e.g. a UUID the device made when it recorded the operation).";

    /** The operation's own Idempotency-Key. */
    String key();

    /** The single endpoint's request body. */
    Object request();

    /** A loan repayment: {@code POST /loans/{loanId}/repayments}. */
    @Schema(name = "RepaymentOperation", description = "A repayment, as `POST /loans/{loanId}/repayments` "
            + "with `loanId` from its path.")
    record Repayment(
            @Schema(required = true, description = KEY, example = "hp-siti-0001") String key,
            @Schema(required = true, enumeration = "REPAYMENT", example = "REPAYMENT") String op,
            @Schema(required = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6d") @NotNull UUID loanId,
            @Schema(required = true, example = "345000") Amount amount,
            @Schema(required = true, example = "2026-04-01") LocalDate paidOn,
            @Schema(example = "1-1100", nullable = true) String account) implements FieldOperation {

        @Override
        public RepaymentRequest request() {
            return new RepaymentRequest(amount, paidOn, account);
        }
    }

    /** A savings deposit: {@code POST /members/{memberId}/savings/deposits}. */
    @Schema(name = "SavingsDepositOperation", description = "A savings deposit, as "
            + "`POST /members/{memberId}/savings/deposits` with `memberId` from its path.")
    record SavingsDeposit(
            @Schema(required = true, description = KEY, example = "hp-siti-0002") String key,
            @Schema(required = true, enumeration = "SAVINGS_DEPOSIT", example = "SAVINGS_DEPOSIT") String op,
            @Schema(required = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") @NotNull UUID memberId,
            @Schema(required = true, example = "50000.00") Amount amount,
            @Schema(required = true, example = "2026-03-07") LocalDate receivedOn,
            @Schema(example = "Setoran simpanan wajib Maret", nullable = true) String description)
            implements FieldOperation {

        @Override
        public DepositRequest request() {
            return new DepositRequest(amount, receivedOn, description);
        }
    }

    /** A savings withdrawal: {@code POST /members/{memberId}/savings/withdrawals}. */
    @Schema(name = "SavingsWithdrawalOperation", description = "A savings withdrawal, as "
            + "`POST /members/{memberId}/savings/withdrawals` with `memberId` from its path.")
    record SavingsWithdrawal(
            @Schema(required = true, description = KEY, example = "hp-siti-0003") String key,
            @Schema(required = true, enumeration = "SAVINGS_WITHDRAWAL", example = "SAVINGS_WITHDRAWAL") String op,
            @Schema(required = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c") @NotNull UUID memberId,
            @Schema(required = true, example = "150000.00") Amount amount,
            @Schema(required = true, example = "2026-03-21") LocalDate paidOn,
            @Schema(example = "Penarikan simpanan untuk biaya sekolah", nullable = true) String description)
            implements FieldOperation {

        @Override
        public WithdrawalRequest request() {
            return new WithdrawalRequest(amount, paidOn, description);
        }
    }

    /** A contribution: {@code POST /contributions}. */
    @Schema(name = "ContributionOperation", description = "A contribution, as `POST /contributions`.")
    record Contribution(
            @Schema(required = true, description = KEY, example = "hp-siti-0004") String key,
            @Schema(required = true, enumeration = "CONTRIBUTION", example = "CONTRIBUTION") String op,
            @Schema(required = true, example = "COMMUNITY_EQUITY") ContributionType type,
            @Schema(nullable = true) UUID memberId,
            @Schema(required = true, example = "2500000.00") Amount amount,
            @Schema(required = true, example = "2026-03-07") LocalDate receivedOn,
            @Schema(example = "Swadaya warga Dusun II untuk modal bergulir", nullable = true) String description,
            @Schema(example = "1-1100", nullable = true) String account) implements FieldOperation {

        @Override
        public ContributionRequest request() {
            return new ContributionRequest(type, memberId, amount, receivedOn, description, account);
        }
    }

    /** An expense: {@code POST /expenses}. */
    @Schema(name = "ExpenseOperation", description = "An expense, as `POST /expenses`.")
    record Expense(
            @Schema(required = true, description = KEY, example = "hp-siti-0005") String key,
            @Schema(required = true, enumeration = "EXPENSE", example = "EXPENSE") String op,
            @Schema(required = true, example = "5-1100") String account,
            @Schema(required = true, example = "350000.00") Amount amount,
            @Schema(required = true, example = "2026-03-12") LocalDate paidOn,
            @Schema(required = true, example = "Cetak buku kas dan kuitansi") String description,
            @Schema(example = "Percetakan Sinar Kuok", nullable = true) String payee,
            @Schema(example = "1-1100", nullable = true) String paidFrom) implements FieldOperation {

        @Override
        public ExpenseRequest request() {
            return new ExpenseRequest(account, amount, paidOn, description, payee, paidFrom);
        }
    }

    /** A KUB group's payment: {@code POST /groups/{groupId}/loans/{loanId}/repayments}. */
    @Schema(name = "GroupRepaymentOperation", description = "A KUB group's payment, as "
            + "`POST /groups/{groupId}/loans/{loanId}/repayments` with `groupId` and `loanId` from its path.")
    record GroupRepayment(
            @Schema(required = true, description = KEY, example = "hp-siti-0006") String key,
            @Schema(required = true, enumeration = "GROUP_REPAYMENT", example = "GROUP_REPAYMENT") String op,
            @Schema(required = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6e") @NotNull UUID groupId,
            @Schema(required = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6f") @NotNull UUID loanId,
            @Schema(required = true, example = "690000") Amount amount,
            @Schema(required = true, example = "2026-04-01") LocalDate paidOn,
            @Schema(nullable = true, example = "0193a5b1-2d4f-7b6e-8a90-1c2d3e4f5a6c")
            @JsonProperty("for") UUID forMember,
            @Schema(example = "1-1100", nullable = true) String account) implements FieldOperation {

        @Override
        public GroupRepaymentRequest request() {
            return new GroupRepaymentRequest(amount, paidOn, forMember, account);
        }
    }
}
