package se.coop.api;

import jakarta.validation.constraints.Size;

/** A text in Swedish, Danish and/or English; at least one is given. */
public record LocalizedText(
        @Size(max = 500) String sv,
        @Size(max = 500) String da,
        @Size(max = 500) String en) {

    public LocalizedText {
        sv = ValueChecks.trimToNull(sv);
        da = ValueChecks.trimToNull(da);
        en = ValueChecks.trimToNull(en);
        if (sv == null && da == null && en == null) {
            throw new IllegalArgumentException("give the text in at least one of sv, da, en");
        }
    }

    public static LocalizedText sv(String text) {
        return new LocalizedText(text, null, null);
    }

    /** The text in the wanted language, else Swedish, Danish, English in that order. */
    public String in(String language) {
        String wanted = switch (language == null ? "" : language) {
            case "sv" -> sv;
            case "da" -> da;
            case "en" -> en;
            default -> null;
        };
        if (wanted != null) {
            return wanted;
        }
        return sv != null ? sv : da != null ? da : en;
    }
}
