package id.lumbung.platform.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read as strictly as RFC 8259 writes JSON, so that what a client sent is what the
 * books record. Jackson's defaults are lenient in six ways that each let a malformed body through:
 * a key given twice silently keeps the last value (and for records fails as a 500); bytes that are
 * not UTF-8 (an overlong {@code C0 AF} reads as "/"), or UTF-16 that Jackson detects by itself, are
 * decoded anyway; the escape of a lone surrogate ({@code "\ud800"}) becomes a Java string that
 * PostgreSQL's driver stores as "?"; a number stands for the enum constant at that index; anything
 * after the first value is ignored; and nesting is limited only at 1,000 levels. Here each is a 400
 * {@code malformed-json} (or {@code validation-failed} naming the field), and nesting stops at
 * {@link #MAX_DEPTH}: no body of this API comes near it.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The deepest nesting of objects and arrays a request body may have (ours have at most four). */
    public static final int MAX_DEPTH = 32;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature(), true);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).build());
        mapper.getFactory().setInputDecorator(new Utf8Only());
        // An enum is named, never numbered: 1 for "interestMethod" would silently pick the second constant.
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // "{} x" is not a JSON text; read leniently it would be an empty PATCH or a PUT of all defaults.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("whole-characters").addDeserializer(String.class,
                new WholeCharacters()));
    }

    /** A body that is not JSON's encoding: not UTF-8, or holding a NUL byte (UTF-16 and UTF-32 do). */
    public static final class NotUtf8Exception extends JsonParseException {
        private static final long serialVersionUID = 1L;

        NotUtf8Exception(String message) {
            super((JsonParser) null, message);
        }
    }

    /** Checks the raw bytes of every body before Jackson decodes them. */
    static final class Utf8Only extends InputDecorator {
        private static final long serialVersionUID = 1L;

        @Override
        public InputStream decorate(IOContext context, InputStream in) throws IOException {
            byte[] body = in.readAllBytes();
            check(body, 0, body.length);
            return new ByteArrayInputStream(body);
        }

        @Override
        public InputStream decorate(IOContext context, byte[] source, int offset, int length) throws IOException {
            check(source, offset, length);
            return null;
        }

        @Override
        public Reader decorate(IOContext context, Reader reader) {
            return reader;
        }

        static void check(byte[] bytes, int offset, int length) throws NotUtf8Exception {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == 0) {
                    throw new NotUtf8Exception("request body holds a NUL byte; JSON is sent as UTF-8");
                }
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
            } catch (CharacterCodingException e) {
                throw new NotUtf8Exception("request body is not valid UTF-8");
            }
        }
    }

    /** Strings as Jackson reads them, refusing one that holds half of a surrogate pair. */
    static final class WholeCharacters extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        WholeCharacters() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && hasUnpairedSurrogate(value)) {
                throw InvalidFormatException.from(parser, "must be valid Unicode text (it holds an unpaired "
                        + "surrogate escape such as \\ud800)", value, String.class);
            }
            return value;
        }

        static boolean hasUnpairedSurrogate(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }
}
