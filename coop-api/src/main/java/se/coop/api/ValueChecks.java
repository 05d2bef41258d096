package se.coop.api;

import java.util.regex.Pattern;

/** Small checks shared by the value records. */
public final class ValueChecks {

    /** A SHA-256 as request bodies may spell it: 64 hexadecimal digits in either case. */
    public static final String SHA256_REGEX = "(?i)[0-9a-f]{64}";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ValueChecks() {}

    /**
     * A board decision's reference as minutes write it: the case number and the paragraph with its sign ("KS
     * 2019/00412 § 18"), whether or not the paragraph was recorded with it; a reference that is not a bare number is
     * kept as written (a Danish "Sag 21/24816 Punkt 12", never "§ Punkt 12").
     */
    public static String caseReference(String caseNumber, String paragraph) {
        if (paragraph == null || paragraph.isBlank()) {
            return caseNumber;
        }
        String p = paragraph.strip();
        // a bare number is a Swedish §; anything else ("§ 45", a Danish "Punkt 12") is the reference as written
        return caseNumber + " " + (Character.isDigit(p.charAt(0)) ? "§ " + p : p);
    }

    public static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Whether {@code hex} spells a SHA-256 (64 hexadecimal digits, in either case, around blanks). */
    public static boolean isSha256(String hex) {
        return hex != null
                && SHA256.matcher(hex.strip().toLowerCase(java.util.Locale.ROOT))
                        .matches();
    }

    /** A SHA-256 in lower-case hex, the one spelling Coop stores and compares. */
    public static String sha256(String hex) {
        if (hex == null) {
            return null;
        }
        String lower = hex.strip().toLowerCase(java.util.Locale.ROOT);
        if (!SHA256.matcher(lower).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 hexadecimal digits");
        }
        return lower;
    }

    /** The first twelve digits of a hash, enough for people to tell versions apart. */
    public static String shortHash(String sha256) {
        return sha256 == null ? "?" : sha256.substring(0, Math.min(12, sha256.length()));
    }
}
