package id.lumbung.statement;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A section of a statement (assets, liabilities, equity, income, expenses): its groups and their total. */
@Schema(name = "StatementSection")
public record StatementSection(@Schema(example = "Aset") String caption, List<StatementGroupLines> groups,
        Figures total) {

    /** The group's lines, or an empty group when the section does not have it. */
    public StatementGroupLines group(StatementGroup group) {
        return groups.stream().filter(g -> g.group() == group).findFirst().orElseThrow();
    }
}
