package se.coop.api;

import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;

/**
 * A person or mailbox as an event records them: a meeting's reviewer or a reminder's recipient — by name and party,
 * which are public records, and by the contact that holds their e-mail address ({@code contactId}). Only events
 * written before the contact register hold the address itself ({@code email}); new events never do.
 */
public record Participant(String name, PartyId partyId, ContactId contactId, String email) {

    /** A reviewer as a command brings them: by contact when one was found for the address, else by the address. */
    public static Participant of(Reviewer reviewer) {
        return new Participant(
                reviewer.name(),
                reviewer.partyId(),
                reviewer.contactId(),
                reviewer.contactId() == null ? reviewer.email() : null);
    }

    /**
     * How read models key this participant: its contact id; for an event written before the contact register, its
     * address in lower case; {@code null} for a recipient with neither (a secretariat without a configured address).
     */
    public String key() {
        if (contactId != null) {
            return contactId.toString();
        }
        return email == null ? null : Contact.key(email);
    }
}
