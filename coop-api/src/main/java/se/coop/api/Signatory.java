package se.coop.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who signed for a party, and in what capacity (rule 5). */
public record Signatory(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String title) {

    public Signatory {
        name = ValueChecks.trimToNull(name);
        title = ValueChecks.trimToNull(title);
    }
}
