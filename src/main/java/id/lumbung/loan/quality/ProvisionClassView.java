package id.lumbung.loan.quality;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

import id.lumbung.money.Amount;

/** The loans of one class as of a day: how many, what they owe, the class's rate and the provision they need. */
@Schema(name = "KolektibilitasTotals")
public record ProvisionClassView(
        @Schema(name = "class", example = "DALAM_PERHATIAN_KHUSUS", required = true)
        @JsonProperty("class") Kolektibilitas kolektibilitas,
        @Schema(example = "3", required = true) int loans,
        @Schema(type = SchemaType.STRING, description = "Their outstanding principal.", example = "8100000.00",
                required = true)
        Amount outstanding,
        @Schema(type = SchemaType.STRING, description = "The class's provision rate as a fraction (0.05 = 5 %).",
                example = "0.05", required = true)
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal provisionRate,
        @Schema(type = SchemaType.STRING, description = "Σ of each loan's provision, each rounded as the loan "
                + "rounds.", example = "405000.00", required = true)
        Amount provisionRequired) {
}
