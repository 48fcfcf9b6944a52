package id.lumbung.statement;

import jakarta.enterprise.context.ApplicationScoped;

import id.lumbung.platform.error.ApiException;
import id.lumbung.platform.error.ProblemType;

/** The PDF rendering of a statement (openhtmltopdf on PDFBox, from a Qute XHTML template). */
@ApplicationScoped
public class PdfStatementWriter {

    /** Not built yet: a PDF request answers 406 until the renderer lands (issue 12). */
    public byte[] write(Statement statement, StatementLanguage language) {
        throw new ApiException(ProblemType.NOT_ACCEPTABLE, "PDF statements are not available yet");
    }
}
