package id.lumbung.ledger;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.lumbung.platform.ids.Ids;

/** Opens the books of a new LED: its journal head and the default chart of accounts. */
@ApplicationScoped
public class LedgerBooks {

    @Transactional(Transactional.TxType.MANDATORY)
    public void open(UUID ledId, String openedBy, Instant now) {
        JournalHead head = new JournalHead();
        head.ledId = ledId;
        head.lastNumber = 0;
        head.lastHash = EntryHasher.GENESIS;
        head.persist();
        for (DefaultChart.Line line : DefaultChart.LINES) {
            Account account = new Account();
            account.id = Ids.next();
            account.ledId = ledId;
            account.code = line.code();
            account.name = line.name();
            account.type = line.type();
            account.contra = line.contra();
            account.normalSide = line.type().normalSide(line.contra());
            account.noNegative = line.noNegative();
            account.createdAt = now;
            account.createdBy = openedBy;
            account.persist();
        }
    }
}
