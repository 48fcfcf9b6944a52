package id.lumbung.platform.json;

import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Dates in request bodies are ISO strings ({@code "2026-03-15"}) and nothing else. Jackson is
 * lenient by default: it reads the JSON number {@code 20260315} as that many days after 1970 and
 * a date-time string as its date, so a clerk's typo would post to a date nobody meant.
 */
@Singleton
public class StrictDates implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
    }
}
