package se.coop.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * Identifies a party within an agreement, chosen by the secretariat when drafting (e.g. {@code halmstad},
 * {@code hogskolan-i-halmstad}). Clients name parties in one form, {@link #strict}: lower-case letters a–z, digits and
 * single hyphens. IdParsing stored by earlier versions of Coop, which also took capitals, '.' and '_', stay readable.
 */
public record PartyId(@JsonValue String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SLUG = Pattern.compile("(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*");

    /** The one form a client may give a party id in, in words. */
    public static final String STRICT_FORM =
            "a party id is 1 to 64 lower-case letters a-z, digits and single hyphens, e.g. hogskolan-i-halmstad";

    public PartyId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a party id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    @JsonCreator
    public static PartyId of(String value) {
        return new PartyId(value);
    }

    /** Whether {@code value} names a party by an id, in any form Coop has stored ({@link #of}). */
    public static boolean isId(String value) {
        try {
            of(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A party id as a client names it: only in the one documented form, so that one party has one spelling. */
    public static PartyId strict(String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(STRICT_FORM);
        }
        return new PartyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
