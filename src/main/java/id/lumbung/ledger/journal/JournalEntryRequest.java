package id.lumbung.ledger.journal;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.lumbung.ledger.EntryKind;
import id.lumbung.platform.validation.Text;

/** A manual journal entry (an adjustment by the LED manager). */
@Schema(name = "JournalEntryRequest")
public record JournalEntryRequest(
        @Schema(description = "The day it happened; may be in the past, not in the future or a closed period.",
                example = "2026-03-15")
        @NotNull LocalDate effectiveDate,
        @Schema(description = "Why the entry is made: auditors read it.",
                example = "Koreksi salah catat setoran kas 14 Maret")
        @NotBlank @Size(max = 500)
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String description,
        @Schema(description = "Only ADJUSTMENT here; business operations post their own kinds.",
                example = "ADJUSTMENT", defaultValue = "ADJUSTMENT")
        EntryKind kind,
        @Schema(description = "Two to 200 postings whose debits equal their credits.")
        @NotNull @Size(min = 2, max = 200, message = "an entry has 2 to 200 postings")
        List<@NotNull @Valid PostingRequest> postings) {
}
