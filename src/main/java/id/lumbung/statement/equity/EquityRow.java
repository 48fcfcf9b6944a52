package id.lumbung.statement.equity;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.lumbung.money.Amount;
import id.lumbung.platform.openapi.ContractFilter;

/**
 * One row of the statement of changes in equity: an equity account (or, without {@code account}, the
 * surplus not yet closed, or the total) with its balance the day before the period, its movements
 * in the period and its balance on the last day. Opening plus the movements is always the closing.
 */
@Schema(name = "EquityChangesRow")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EquityRow(
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                description = "The equity account's code; absent on the unclosed-surplus and total rows.",
                example = "3-1100") String account,
        @Schema(example = "Modal Hibah Pemerintah Kabupaten") String name,
        @Schema(description = "Balance at the end of the day before `from`, credit positive (a contra account "
                + "is negative).", example = "0.00") Amount opening,
        EquityMovements movements,
        @Schema(description = "Balance at the end of `to`: the balance sheet's figure as of that day.",
                example = "500000000.00") Amount closing) {
}
