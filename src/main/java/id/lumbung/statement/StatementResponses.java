package id.lumbung.statement;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Turns a statement model into the response its caller asked for: the format by {@code ?format=} or
 * {@code Accept}, the language by {@code Accept-Language}, with {@code Content-Language},
 * {@code Vary} and, for files, a {@code Content-Disposition} name {@code <led-code>-<statement>-<period>}.
 */
@ApplicationScoped
public class StatementResponses {

    /** What a statement endpoint learns from its request before it builds the model. */
    public record Request(StatementFormat format, StatementLanguage language) {
    }

    private final PdfStatementWriter pdf;

    public StatementResponses(PdfStatementWriter pdf) {
        this.pdf = pdf;
    }

    /** Negotiates first, so a 406 or a bad {@code format} is answered before any reading. */
    public Request negotiate(String format, HttpHeaders headers) {
        List<MediaType> acceptable = headers.getAcceptableMediaTypes();
        return new Request(StatementFormat.negotiate(format, acceptable),
                StatementLanguage.fromHeader(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    public Response render(Statement statement, Request request) {
        Response.ResponseBuilder response = switch (request.format()) {
            case JSON -> Response.ok(statement, MediaType.APPLICATION_JSON_TYPE);
            case CSV -> file(CsvStatementWriter.write(statement, request.language().messages()),
                    StatementFormat.CSV.mediaType().withCharset(StandardCharsets.UTF_8.name()), statement, request);
            case PDF -> file(pdf.write(statement, request.language()), StatementFormat.PDF.mediaType(), statement,
                    request);
        };
        return response.header(HttpHeaders.CONTENT_LANGUAGE, request.language().tag())
                .header(HttpHeaders.VARY, "Accept, Accept-Language")
                .build();
    }

    private static Response.ResponseBuilder file(byte[] body, MediaType type, Statement statement, Request request) {
        String name = safe(statement.header().led().code()) + "-" + statement.fileStem() + "."
                + request.format().extension();
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    /** LED codes are digits in practice; anything else is kept out of the header. */
    private static String safe(String code) {
        return code.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
