package id.lumbung.transfer;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import id.lumbung.ledger.EntryDraft;
import id.lumbung.ledger.EntryKind;
import id.lumbung.ledger.PostingRules;
import id.lumbung.ledger.PostingService;
import id.lumbung.ledger.Side;
import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.ids.Ids;
import id.lumbung.platform.paging.Cursor;
import id.lumbung.platform.paging.Page;
import id.lumbung.platform.time.Timestamps;

/**
 * Transfers between the LED's own cash and bank accounts (kind TRANSFER): Dr {@code to} · Cr
 * {@code from}, the everyday step before paying a loan out in cash. The paying account's
 * no-negative rule is the core's (409 insufficient-funds, nothing written).
 */
@ApplicationScoped
public class TransferService {

    private final PostingService posting;
    private final PostingRules rules;

    public TransferService(PostingService posting, PostingRules rules) {
        this.posting = posting;
        this.rules = rules;
    }

    @Transactional
    public TransferView record(UUID ledId, @NotNull @Valid TransferRequest request, String recordedBy) {
        rules.requirePositive(request.amount(), "amount");
        rules.requireNotInFuture(ledId, request.on(), "on");
        if (request.from().equals(request.to())) {
            throw ApiException.invalidField("to", "must differ from 'from'");
        }
        rules.requireCashOrBank(ledId, request.from(), "from");
        rules.requireCashOrBank(ledId, request.to(), "to");
        Transfer transfer = new Transfer();
        transfer.ledId = ledId;
        transfer.id = Ids.next();
        transfer.fromAccount = request.from();
        transfer.toAccount = request.to();
        transfer.amount = request.amount().value();
        transfer.transferredOn = request.on();
        transfer.description = request.description() == null || request.description().isBlank()
                ? "Pemindahan dana " + request.from() + " ke " + request.to() : request.description().strip();
        transfer.recordedAt = Timestamps.now();
        transfer.recordedBy = recordedBy;
        transfer.entryId = posting.post(new EntryDraft(ledId, request.on(), EntryKind.TRANSFER, transfer.description,
                new EntryDraft.Reference(Transfer.REFERENCE_TYPE, transfer.id), null, List.of(
                        new EntryDraft.Line(request.to(), Side.DEBIT, request.amount()),
                        new EntryDraft.Line(request.from(), Side.CREDIT, request.amount()))), recordedBy).id();
        transfer.persistAndFlush();
        return TransferView.from(transfer);
    }

    @Transactional
    public TransferView get(UUID ledId, UUID transferId) {
        return Transfer.<Transfer>find("ledId = ?1 and id = ?2", ledId, transferId).firstResultOptional()
                .map(TransferView::from).orElseThrow(() -> ApiException.notFound("transfer " + transferId));
    }

    @Transactional
    public Page<TransferView> list(UUID ledId, int limit, String after) {
        List<Transfer> found = Transfer.<Transfer>find("ledId = ?1 and id > ?2 order by id", ledId,
                Cursor.afterId(after)).page(0, limit + 1).list();
        return Page.of(found, limit, TransferView::from, t -> t.id.toString());
    }
}
