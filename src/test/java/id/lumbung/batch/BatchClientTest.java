package id.lumbung.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.lumbung.client.ApiClient;
import id.lumbung.client.api.FieldSyncApi;
import id.lumbung.client.model.Batch;
import id.lumbung.client.model.BatchOperation;
import id.lumbung.client.model.BatchOperationResult;
import id.lumbung.client.model.BatchRequest;
import id.lumbung.client.model.ExpenseOperation;
import id.lumbung.client.model.SavingsDepositOperation;
import id.lumbung.client.model.SavingsWithdrawalOperation;
import id.lumbung.loan.Lending;
import id.lumbung.support.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import id.lumbung.support.TestDatabase;

/**
 * A field app built on the client openapi-generator makes from openapi.yaml: the batch's {@code oneOf}
 * with its {@code op} discriminator is something a generated client can send and read back.
 */
@QuarkusTest
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
class BatchClientTest {

    @TestHTTPResource("/")
    URI service;

    @Test
    void aGeneratedClientSyncsABatchAndReadsItAgain() throws Exception {
        UUID led = Lending.funded();
        UUID member = Lending.member(led, "Siti Rahmawati");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        String token = Tokens.clerk(led);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        FieldSyncApi sync = new FieldSyncApi(client);

        Batch batch = sync.submitBatch(led, new BatchRequest().deviceId("hp-siti-01").operations(List.of(
                new BatchOperation(new SavingsDepositOperation().key("client-1").op(SavingsDepositOperation.OpEnum
                        .SAVINGS_DEPOSIT).memberId(member).amount("50000.00").receivedOn(today)),
                new BatchOperation(new SavingsWithdrawalOperation().key("client-2").op(SavingsWithdrawalOperation
                        .OpEnum.SAVINGS_WITHDRAWAL).memberId(member).amount("90000.00").paidOn(today)),
                new BatchOperation(new ExpenseOperation().key("client-3").op(ExpenseOperation.OpEnum.EXPENSE)
                        .account("5-1100").amount("20000.00").paidOn(today).description("Fotokopi kuitansi")))),
                null);

        assertEquals(List.of(201, 409, 201), batch.getResults().stream().map(BatchOperationResult::getStatus)
                .toList());
        assertEquals(URI.create("urn:lumbung:problem:insufficient-savings"),
                batch.getResults().get(1).getProblem().getType().getValue());
        assertFalse(batch.getResults().get(0).getReplayed());
        Batch again = sync.getBatch(led, batch.getId());
        assertEquals(batch.getResults().stream().map(BatchOperationResult::getKey).toList(),
                again.getResults().stream().map(BatchOperationResult::getKey).toList());
        assertEquals(batch.getResults().get(0).getBody(), again.getResults().get(0).getBody());
    }
}
