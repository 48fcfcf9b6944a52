package id.lumbung.statement;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.lumbung.platform.openapi.ContractFilter;

/**
 * What every statement carries, in every format: the LED, the title, the date or period, the basis
 * it is prepared on, the currency, when it was generated and the chain head its figures rest on.
 * JSON unwraps it into the statement's top level; CSV writes it as {@code field,value} rows; the PDF
 * prints it above the table.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementHeader(
        @Schema(description = "Which statement: trial-balance, balance-sheet, income-statement, ….",
                example = "trial-balance") String statement,
        @Schema(description = "The statement's title in the response language.", example = "Neraca Saldo")
        String title,
        LedIdentity led,
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                description = "The day a point-in-time statement is as of; absent on a period statement.",
                example = "2026-06-30")
        LocalDate asOf,
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                description = "First day of a period statement; absent on a point-in-time one.",
                example = "2026-01-01") LocalDate from,
        @Schema(extensions = @Extension(name = ContractFilter.OMITTED_WHEN_NULL, value = "true"),
                description = "Last day of a period statement; absent on a point-in-time one.",
                example = "2026-06-30") LocalDate to,
        @Schema(description = "The accounting basis, stated as it is.",
                example = "SAK EMKM, except that interest and penalties are recognised when received")
        String basis,
        @Schema(description = "Presentation currency and unit.", example = "dalam Rupiah") String currency,
        @Schema(example = "2026-07-01T02:15:00Z") OffsetDateTime generatedAt,
        ChainHead chainHead,
        @Schema(description = "How many journal entries the figures reflect.", example = "1284") long entryCount) {
}
