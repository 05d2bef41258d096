package se.coop.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.text.Normalizer;
import java.util.Locale;
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

    /**
     * The party id a name suggests, in the one form a client names parties in: lower case, accents dropped, ø as o
     * and æ as ae, other characters as single hyphens ("Høje-Taastrup Kommune" → {@code hoje-taastrup-kommune});
     * null when nothing is left or it would be longer than 64.
     */
    public static String suggest(String name) {
        if (name == null) {
            return null;
        }
        String folded = fold(name).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return SLUG.matcher(folded).matches() ? folded : null;
    }

    /** Text in lower case with accents dropped, ø as o and æ as ae: what the party register compares. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ø", "o").replace("æ", "ae");
        return Normalizer.normalize(lower, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    }

    @Override
    public String toString() {
        return value;
    }
}
