package se.coop.api.contact;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import se.coop.api.IdParsing;

/**
 * Identifies one entry of the contact register: random, so it says nothing of the address it stands for. Events
 * refer to a reviewer's or a reminder recipient's e-mail address by this id only.
 */
public record ContactId(@JsonValue UUID value) {

    public ContactId {
        Objects.requireNonNull(value, "ContactId needs a value");
    }

    /** Parses the canonical UUID form; anything else is refused. */
    @JsonCreator
    public static ContactId of(String value) {
        return new ContactId(IdParsing.uuid(value));
    }

    /**
     * The contact a key names ({@link se.coop.api.Participant#key}), or {@code null} when it names none: an address,
     * or a party's key.
     */
    public static ContactId inKey(String key) {
        if (key == null || key.length() != 36 || key.indexOf('@') >= 0) {
            return null;
        }
        try {
            return of(key);
        } catch (IllegalArgumentException notAContact) {
            return null;
        }
    }

    public static ContactId random() {
        return new ContactId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
