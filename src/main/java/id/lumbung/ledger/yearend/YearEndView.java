package id.lumbung.ledger.yearend;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.lumbung.money.Amount;
import id.lumbung.platform.openapi.ContractFilter;
import id.lumbung.statement.settings.SurplusTarget;

/** A year-end close: what was requested, and once approved the surplus, its shares and the entries. */
@Schema(name = "YearEnd")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record YearEndView(
        UUID id,
        @Schema(example = "2026") int year,
        Status status,
        List<YearEndRequest.Share> allocation,
        @Schema(example = "2027-02-15") LocalDate decidedOn,
        @Schema(example = "Berita Acara MAD 12/2026") String decisionReference,
        @Schema(example = "manager-1") String requestedBy,
        Instant requestedAt,
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                example = "manager-2") String decidedBy,
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true")) Instant decidedAt,
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                example = "Sesuai Berita Acara") String decisionNote,
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                description = "Income less expenses of the year, computed at approval; negative is a deficit.",
                example = "12500000.00") Amount surplus,
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                description = "What each target received, once approved.") List<PostedShare> shares,
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                description = "The CLOSING entry dated December 31; absent when the year had no income or expense.")
        UUID closingEntryId,
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                description = "The SURPLUS_ALLOCATION entry dated `decidedOn`; absent without an allocation.")
        UUID allocationEntryId) {

    /** PENDING waits for a second manager; APPROVED is closed; REJECTED was not. */
    public enum Status {
        PENDING, APPROVED, REJECTED
    }

    /** One target's share as posted. */
    @Schema(name = "YearEndPostedShare")
    public record PostedShare(SurplusTarget to, @Schema(example = "50") String percent,
            @Schema(example = "3-1400") String account, @Schema(example = "6250000.00") Amount amount) {
    }
}
