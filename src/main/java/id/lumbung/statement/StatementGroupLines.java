package id.lumbung.statement;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One group of a section (current assets, operating income, …): its lines and their total. */
@Schema(name = "StatementGroupLines")
public record StatementGroupLines(StatementGroup group, @Schema(example = "Aset Lancar") String caption,
        List<StatementLine> lines, Figures total) {
}
