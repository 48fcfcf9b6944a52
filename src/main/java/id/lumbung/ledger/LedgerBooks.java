package id.lumbung.ledger;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.lumbung.platform.ids.Ids;

/** Opens the books of a new LED: its journal head and an account of every purpose at its default code. */
@ApplicationScoped
public class LedgerBooks {

    @Transactional(Transactional.TxType.MANDATORY)
    public void open(UUID ledId, String openedBy, Instant now) {
        JournalHead head = new JournalHead();
        head.ledId = ledId;
        head.lastNumber = 0;
        head.lastHash = EntryHasher.GENESIS;
        head.persist();
        for (AccountPurpose purpose : AccountPurpose.values()) {
            Account account = new Account();
            account.id = Ids.next();
            account.ledId = ledId;
            account.code = purpose.defaultCode();
            account.name = purpose.defaultName();
            account.type = purpose.type();
            account.contra = purpose.contra();
            account.normalSide = purpose.type().normalSide(purpose.contra());
            account.noNegative = purpose.noNegative();
            account.purpose = purpose;
            account.createdAt = now;
            account.createdBy = openedBy;
            account.persist();
        }
    }
}
