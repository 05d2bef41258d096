package se.coop.api.contact;

import java.time.Instant;

/**
 * An entry of the contact register: the e-mail address a contact id stands for, or — once erased — none, with when
 * it was erased. A contact is never removed, so the events that refer to it still name something.
 */
public record Contact(ContactId contactId, String email, Instant createdAt, Instant correctedAt, Instant erasedAt) {

    /** What pages, dossiers and packages show in place of an erased address. */
    public static final String ERASED = "erased contact";

    public boolean erased() {
        return erasedAt != null;
    }
}
