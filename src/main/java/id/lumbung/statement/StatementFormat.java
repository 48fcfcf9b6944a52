package id.lumbung.statement;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.MediaType;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;

/**
 * The formats a statement is served in, chosen by {@code ?format=} (for plain links and generated
 * clients) or else by {@code Accept}; anything else is a 406 problem.
 */
public enum StatementFormat {
    JSON(MediaType.APPLICATION_JSON_TYPE),
    CSV(new MediaType("text", "csv")),
    PDF(new MediaType("application", "pdf"));

    private final MediaType mediaType;

    StatementFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format asked for: {@code format} wins over {@code Accept} (best q-value first). */
    public static StatementFormat negotiate(String format, List<MediaType> acceptable) {
        if (format != null) {
            for (StatementFormat candidate : values()) {
                if (candidate.extension().equals(format)) {
                    return candidate;
                }
            }
            throw ApiException.invalidParameter("format", "must be json, csv or pdf");
        }
        if (acceptable == null || acceptable.isEmpty()) {
            return JSON;
        }
        for (MediaType wanted : acceptable) {
            for (StatementFormat candidate : values()) {
                if (wanted.isCompatible(candidate.mediaType)) {
                    return candidate;
                }
            }
        }
        throw new ApiException(ProblemType.NOT_ACCEPTABLE,
                "statements are served as application/json, text/csv or application/pdf");
    }
}
