package se.coop.api;

import java.util.UUID;

/** Parsing shared by the typed ids. */
public final class IdParsing {

    private IdParsing() {}

    /** Accepts only the canonical 36-character form, so that one id has one spelling. */
    public static UUID uuid(String value) {
        if (value == null || value.length() != 36) {
            throw new IllegalArgumentException("not a valid id: " + value);
        }
        UUID uuid = UUID.fromString(value);
        if (!uuid.toString().equalsIgnoreCase(value)) {
            throw new IllegalArgumentException("not a valid id: " + value);
        }
        return uuid;
    }
}
