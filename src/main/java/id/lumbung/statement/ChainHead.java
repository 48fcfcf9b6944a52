package id.lumbung.statement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The journal entry a statement's figures end at: its number (numbering is gapless, so it is also
 * the count of entries) and its hash, which ties the printed figures to the verifiable chain.
 */
@Schema(name = "StatementChainHead")
public record ChainHead(
        @Schema(description = "Number of the last entry the statement reflects; 0 for an empty journal.",
                example = "1284") long number,
        @Schema(description = "SHA-256 of that entry (the genesis hash for an empty journal).",
                example = "9f2c0b3e5d7a41c8b6e0f1a2d3c4b5a6978877665544332211aabbccddeeff00") String hash) {
}
