package id.lumbung.statement;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the statement is about: what an auditor reads first on every page (STATEMENTS.md §2). */
@Schema(name = "StatementLed")
public record LedIdentity(
        @Schema(example = "0190d1a2-7c1e-7a00-8000-000000000001") UUID id,
        @Schema(example = "1406012001") String code,
        @Schema(example = "LED Maju Bersama") String name,
        @Schema(example = "Kuok") String village,
        @Schema(example = "1406") String districtCode,
        @Schema(example = "Kabupaten Kampar") String district) {
}
