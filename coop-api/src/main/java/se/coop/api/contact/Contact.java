package se.coop.api.contact;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An entry of the contact register: the e-mail address a contact id stands for, or — once erased — none, with when
 * it was erased. A contact is never removed, so the events that refer to it still name something.
 */
public record Contact(ContactId contactId, String email, Instant createdAt, Instant correctedAt, Instant erasedAt) {

    /** What pages, dossiers and packages show in place of an erased address. */
    public static final String ERASED = "erased contact";

    /**
     * How addresses are compared, everywhere: Unicode-normalised (NFC, so a composed and a decomposed {@code Ö} are one
     * letter) and in lower case as Java lowers it ({@code Locale.ROOT}; PostgreSQL's {@code lower()} leaves {@code Ä}
     * as it is under the C locale). The register's {@code email_key} and the keys read models hold are this.
     */
    public static String key(String address) {
        return Normalizer.normalize(address.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /**
     * Where a contact's address goes in a text Coop keeps (the history's wording), to be filled in when the text is
     * read ({@link #MARK}): between the control characters FS and GS, which no text a client sends may hold (the input
     * rules of {@code se.coop.api.input}), so no name, place or title can pose as one.
     */
    public static String mark(ContactId contact) {
        return "\u001Ccontact:" + contact + "\u001D";
    }

    /** A {@link #mark}, its contact id the group. */
    public static final Pattern MARK =
            Pattern.compile("\u001Ccontact:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\u001D");

    /** What is shown for a contact looked up: its address, or "erased contact" when it was erased or is unknown. */
    public static String shown(Contact contact) {
        return contact == null || contact.erased() ? ERASED : contact.email();
    }

    public boolean erased() {
        return erasedAt != null;
    }
}
