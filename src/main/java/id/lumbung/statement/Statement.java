package id.lumbung.statement;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One statement's model, built once per request in the caller's language: JSON serialises it as it
 * is, CSV and PDF print its {@link #table()}.
 */
public interface Statement {

    StatementHeader header();

    /** The rows CSV and PDF print. */
    @JsonIgnore
    StatementTable table();

    /** The file name's statement-and-period part: {@code trial-balance-2026-06-30}. */
    @JsonIgnore
    String fileStem();

    /** Who signs the PDF, from the LED's statement settings; none unless the statement carries it. */
    @JsonIgnore
    default SignatureBlock signatureBlock() {
        return SignatureBlock.NONE;
    }
}
