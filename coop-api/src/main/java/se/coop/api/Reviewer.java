package se.coop.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.coop.api.input.Visible;

/** A member of the steering group who reviews the agreement and receives reminders (rule 7). */
public record Reviewer(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Visible @Size(max = 320) String email,
        @NotNull PartyId partyId) {

    public Reviewer {
        name = ValueChecks.trimToNull(name);
        email = email == null ? null : email.strip();
    }
}
