package se.coop.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** External funding of a project, e.g. from Tillväxtverket. */
public record Funding(
        @NotBlank @Size(max = 200) String source,
        @PositiveOrZero BigDecimal amount,

        @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 currency code such as SEK, DKK or EUR")
        String currency,

        LocalDate from,
        LocalDate to) {

    public Funding {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("funding 'to' lies before 'from'");
        }
    }
}
