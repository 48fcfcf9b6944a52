package id.lumbung.platform.validation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.Provider;

import id.lumbung.platform.error.ApiException;

/**
 * Path and query parameters typed {@link UUID} or {@link Boolean} are read strictly. By default
 * they go through {@code UUID.fromString}, which takes {@code 0193a5b0-7c1e-7d3a-9f21-5b8e2c4d6a1}
 * (a digit short) as another id, and {@code Boolean.valueOf}, which reads {@code active=maybe} as
 * false: a typo would filter by something the client never wrote and answer 200. Refused here: 400
 * {@code invalid-parameter} naming a query parameter, 404 for a path id (nothing has that id).
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String query = queryName(annotations);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Converter<>(query, StrictParameters::uuid);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new Converter<>(query, StrictParameters::bool);
        }
        return null;
    }

    /** The name of a query parameter, or null for any other kind (a path id that cannot be read is 404). */
    private static String queryName(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    return query.value();
                }
            }
        }
        return null;
    }

    static UUID uuid(String text) {
        if (!CANONICAL_UUID.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a UUID in its 36-character form");
        }
        return UUID.fromString(text);
    }

    static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    /**
     * A strict conversion. A query parameter it refuses answers 400 {@code invalid-parameter} naming
     * it (Quarkus REST passes that through, wrapped, to the problem mappers); a path parameter 404.
     */
    private record Converter<T>(String query, Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                if (query != null) {
                    throw ApiException.invalidParameter(query, e.getMessage());
                }
                throw e;
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
