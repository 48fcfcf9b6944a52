package id.lumbung.statement.incomestatement;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import id.lumbung.statement.Figures;
import id.lumbung.statement.SectionRows;
import id.lumbung.statement.SignatureBlock;
import id.lumbung.statement.Statement;
import id.lumbung.statement.StatementHeader;
import id.lumbung.statement.StatementMessages;
import id.lumbung.statement.StatementSection;
import id.lumbung.statement.StatementTable;

/**
 * The income statement (laporan laba rugi) for a period, with the same period a year earlier
 * beside it: income and expenses by group, and the surplus or deficit. A closed year shows its
 * income and expenses, read net of the year-end closing entry that emptied them.
 */
@Schema(name = "IncomeStatement")
public record IncomeStatement(@JsonUnwrapped StatementHeader header,
        @Schema(description = "First day of the comparative period, a year before `from`.", example = "2025-01-01")
        LocalDate comparativeFrom,
        @Schema(description = "Last day of the comparative period, a year before `to`.", example = "2025-06-30")
        LocalDate comparativeTo,
        StatementSection income,
        StatementSection expenses,
        @Schema(description = "Income less expenses; negative is a deficit.") Figures surplus,
        @JsonIgnore @Schema(hidden = true) StatementMessages labels,
        @JsonIgnore @Schema(hidden = true) SignatureBlock signatureBlock) implements Statement {

    @Override
    public StatementTable table() {
        SectionRows rows = new SectionRows(labels.total()).section(income).section(expenses)
                .line(StatementTable.Kind.TOTAL, 0, labels.surplusForPeriod(), surplus);
        return new StatementTable(List.of(labels.columnCode(), labels.columnDescription()),
                List.of(header.from() + " – " + header.to(), comparativeFrom + " – " + comparativeTo), rows.rows());
    }

    @Override
    public String fileStem() {
        return "income-statement-" + header.from() + "-" + header.to();
    }
}
