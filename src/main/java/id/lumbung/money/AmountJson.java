package id.lumbung.money;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** JSON form of {@link Amount}: written as a decimal string, read from a string or an exact JSON number. */
public final class AmountJson {

    private AmountJson() {
    }

    /** Always a string with two decimals, so no client parses money into a double by accident. */
    public static final class Writer extends JsonSerializer<Amount> {
        @Override
        public void serialize(Amount amount, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(amount.toString());
        }
    }

    /**
     * Accepts {@code "2500000.00"} or {@code 2500000}. A JSON number is taken from its text
     * ({@code getDecimalValue}), never through {@code double}.
     */
    public static final class Reader extends JsonDeserializer<Amount> {
        @Override
        public Amount deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            try {
                if (token == JsonToken.VALUE_STRING) {
                    return Amount.parse(p.getText());
                }
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    return Amount.parse(p.getText());
                }
            } catch (InvalidAmountException e) {
                throw InvalidFormatException.from(p, e.getMessage(), p.getText(), Amount.class);
            }
            throw InvalidFormatException.from(p, "an amount is a decimal string such as \"2500000.00\"",
                    p.getText(), Amount.class);
        }
    }
}
