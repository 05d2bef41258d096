package se.coop.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.coop.api.contact.ContactId;
import se.coop.api.input.Visible;

/**
 * A member of the steering group who reviews the agreement and receives reminders (rule 7). A request names them with
 * their e-mail address; Coop keeps the address in its contact register and answers with the contact's id as well
 * ({@code contactId}, never read from a request) — and with no {@code email} once the contact was erased.
 */
public record Reviewer(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Visible @Size(max = 320) String email,
        @NotNull PartyId partyId,

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        ContactId contactId) {

    public Reviewer {
        name = ValueChecks.trimToNull(name);
        email = email == null ? null : email.strip();
    }

    public Reviewer(String name, String email, PartyId partyId) {
        this(name, email, partyId, null);
    }

    /** The same reviewer, referred to by the contact that holds their address. */
    public Reviewer withContact(ContactId contact) {
        return new Reviewer(name, email, partyId, contact);
    }
}
