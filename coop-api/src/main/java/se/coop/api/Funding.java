package se.coop.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** External funding of a project, e.g. from Tillväxtverket; the amount is kept exactly as given, as a decimal. */
public record Funding(
        @NotBlank @Size(max = 200) String source,

        @PositiveOrZero
        @Digits(integer = 15, fraction = 2, message = "must be at most 15 digits before the decimal point and 2 after")
        BigDecimal amount,

        @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 currency code such as SEK, DKK or EUR")
        String currency,

        LocalDate from,
        LocalDate to) {

    public Funding {
        // 1E+3 is one thousand: kept as 1000, the way people write amounts
        if (amount != null && amount.scale() < 0 && amount.precision() - amount.scale() <= 40) {
            amount = amount.setScale(0);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("funding 'to' lies before 'from'");
        }
    }
}
