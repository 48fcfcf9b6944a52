package id.lumbung.ledger.journal;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.PostedEntry;
import id.lumbung.ledger.Side;
import id.lumbung.money.Amount;

/** One posting of a stored entry. */
@Schema(name = "Posting")
public record PostingView(
        @Schema(example = "1") int line,
        @Schema(example = "1-1100") String account,
        @Schema(example = "DEBIT") Side side,
        @Schema(type = SchemaType.STRING, example = "1500000.00") Amount amount) {

    static PostingView from(PostedEntry.Line line) {
        return new PostingView(line.line(), line.account(), line.side(), line.amount());
    }
}
