package se.coop.api.register;

import jakarta.validation.constraints.Size;
import se.coop.api.ValueChecks;

/** A registered party's name in Swedish, Danish and English; one given stands in for those left out. */
public record PartyNames(
        @Size(max = 200) String sv,
        @Size(max = 200) String da,
        @Size(max = 200) String en) {

    public PartyNames {
        sv = ValueChecks.trimToNull(sv);
        da = ValueChecks.trimToNull(da);
        en = ValueChecks.trimToNull(en);
    }

    /** Whether no name is given in any language. */
    public boolean none() {
        return sv == null && da == null && en == null;
    }

    /** Every language named, those left out in the words of the first given (Swedish, then Danish, then English). */
    public PartyNames filled() {
        String first = sv != null ? sv : da != null ? da : en;
        return new PartyNames(sv != null ? sv : first, da != null ? da : first, en != null ? en : first);
    }

    /** The language a party of this country names itself in: Danish, Swedish (Sweden, Finland) or English. */
    public static String languageOf(String country) {
        if ("DK".equals(country)) {
            return "da";
        }
        return "SE".equals(country) || "FI".equals(country) ? "sv" : "en";
    }

    /** The name in {@code language} (sv, da or en; Swedish for any other). */
    public String in(String language) {
        if ("da".equals(language)) {
            return da != null ? da : sv;
        }
        if ("en".equals(language)) {
            return en != null ? en : sv;
        }
        return sv != null ? sv : da;
    }
}
