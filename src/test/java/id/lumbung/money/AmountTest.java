package id.lumbung.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Rupiah amounts: exact parsing, two decimals out, and the JSON forms a client may send. */
class AmountTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request-shaped holder, so the amount is read as a field like in a posting. */
    record Holder(Amount amount) {
    }

    @Test
    void parsesExactlyWithoutRounding() {
        assertEquals(new BigDecimal("2500000.00"), Amount.parse("2500000").value());
        assertEquals(new BigDecimal("0.10"), Amount.parse("0.1").value());
        assertEquals(new BigDecimal("1234567.89"), Amount.parse(" 1234567.89 ").value());
        assertEquals(new BigDecimal("9999999999999999.99"), Amount.parse("9999999999999999.99").value());
        // Trailing zeros beyond the sen are exact, so they are accepted, not rounded.
        assertEquals(new BigDecimal("1.50"), Amount.parse("1.500").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234", "0.001", "2500000.005"})
    void rejectsMoreThanTwoDecimals(String text) {
        assertThrows(InvalidAmountException.class, () -> Amount.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "1E+3", "2.5E6", "0x10", "1,000.00", "1 000", "--1", ".5", "5.", "NaN",
            "Infinity"})
    void rejectsAnythingButAPlainDecimal(String text) {
        assertThrows(InvalidAmountException.class, () -> Amount.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000000000000000.00", "99999999999999999999999999999999999999",
            "12345678901234567890123456789012345678901234567890"})
    void rejectsAmountsBeyondTheLargestPosting(String text) {
        assertThrows(InvalidAmountException.class, () -> Amount.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void rejectsBlank(String text) {
        assertThrows(InvalidAmountException.class, () -> Amount.parse(text));
        assertThrows(InvalidAmountException.class, () -> Amount.parse(null));
    }

    @Test
    void printsPlainDigitsWithTwoDecimals() {
        assertEquals("2500000.00", Amount.parse("2500000").toString());
        assertEquals("0.10", Amount.parse("0.1").toString());
        assertEquals("100000000.00", Amount.of(new BigDecimal("1E+8")).toString());
        assertEquals("0.00", Amount.ZERO.toString());
        assertEquals("-5.25", Amount.parse("-5.25").toString());
    }

    @Test
    void addsAndSubtractsExactly() {
        Amount sum = Amount.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Amount.parse("0.1"));
        }
        assertEquals(Amount.parse("1.00"), sum);
        assertEquals(Amount.parse("0.30"), Amount.parse("0.1").plus(Amount.parse("0.2")));
        assertEquals(Amount.parse("-0.01"), Amount.parse("1.00").minus(Amount.parse("1.01")));
    }

    @Test
    void readsStringsAndJsonNumbersExactly() throws Exception {
        assertEquals(Amount.parse("2500000.00"), JSON.readValue("{\"amount\":\"2500000.00\"}", Holder.class).amount());
        assertEquals(Amount.parse("2500000.00"), JSON.readValue("{\"amount\":2500000}", Holder.class).amount());
        assertEquals(new BigDecimal("0.10"), JSON.readValue("{\"amount\":0.1}", Holder.class).amount().value());
        // A double would make this 9007199254740993 -> ...992; exact parsing keeps the last digit.
        assertEquals(new BigDecimal("9007199254740993.00"),
                JSON.readValue("{\"amount\":9007199254740993}", Holder.class).amount().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1.234\"", "1.234", "1e3", "\"\"", "true", "[1]", "{\"v\":1}"})
    void refusesInvalidJsonAmounts(String json) {
        assertThrows(JsonMappingException.class, () -> JSON.readValue("{\"amount\":" + json + "}", Holder.class));
    }

    @Test
    void writesAlwaysAStringWithTwoDecimals() throws Exception {
        assertEquals("{\"amount\":\"2500000.00\"}", JSON.writeValueAsString(new Holder(Amount.ofRupiah(2500000))));
        assertEquals("{\"amount\":\"0.10\"}", JSON.writeValueAsString(new Holder(Amount.parse("0.1"))));
        Holder back = JSON.readValue(JSON.writeValueAsString(new Holder(Amount.parse("12.34"))), Holder.class);
        assertEquals(Amount.parse("12.34"), back.amount());
        assertTrue(back.amount().isPositive());
    }
}
