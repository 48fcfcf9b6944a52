package id.lumbung.platform.validation;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import id.lumbung.platform.error.ApiException;

/**
 * Refuses a query or path parameter holding a control character (NUL above all), bytes that are
 * not UTF-8 or more than {@link #MAX_LENGTH} characters with 400 {@code validation-failed} naming the
 * parameter, once for every endpoint and before anything
 * reaches PostgreSQL, which would refuse NUL in text with an error of its own. Bodies are checked
 * by Bean Validation ({@link Text#NO_CONTROL_CHARACTERS}); this is the same rule for the URL.
 */
public class ParameterFilter {

    /** Unicode category Cc, as {@link Text#NO_CONTROL_CHARACTERS} refuses it. */
    private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u001F\\u007F-\\u009F]");
    static final String MESSAGE = "must not contain control characters";
    /**
     * What percent-decoding leaves of bytes that are not UTF-8 (e.g. {@code %FF}): the replacement
     * character, which would otherwise be looked up as if the client had meant it.
     */
    private static final char REPLACEMENT = '\uFFFD';
    static final String NOT_UTF8 = "is not valid percent-encoded UTF-8";
    /**
     * No parameter of this API is longer (ids, dates, codes, a search term, a cursor); a longer one is
     * refused instead of searched for. URLs up to {@code quarkus.http.limits.max-initial-line-length}
     * reach this filter; a longer request line is refused by the HTTP server itself (414).
     */
    static final int MAX_LENGTH = 1000;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION - 100)
    public void refuseControlCharacters(UriInfo uri) {
        MultivaluedMap<String, String> path;
        MultivaluedMap<String, String> query;
        try {
            path = uri.getPathParameters(true);
            query = uri.getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("query", NOT_UTF8);
        }
        check(path);
        check(query);
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (CONTROL.matcher(name).find()) {
                throw ApiException.invalidField(escaped(name), "parameter name " + MESSAGE);
            }
            for (String value : parameter.getValue()) {
                if (value == null) {
                    continue;
                }
                if (CONTROL.matcher(value).find()) {
                    throw ApiException.invalidField(name, MESSAGE);
                }
                if (value.indexOf(REPLACEMENT) >= 0) {
                    throw ApiException.invalidField(name, NOT_UTF8);
                }
                if (value.length() > MAX_LENGTH) {
                    throw ApiException.invalidField(name, "must be at most " + MAX_LENGTH + " characters");
                }
            }
        }
    }

    /** A parameter name fit to be echoed: each control character as {@code \\uXXXX}. */
    static String escaped(String name) {
        return CONTROL.matcher(name).replaceAll(match -> Matcher.quoteReplacement(
                String.format("\\u%04X", (int) match.group().charAt(0))));
    }
}
