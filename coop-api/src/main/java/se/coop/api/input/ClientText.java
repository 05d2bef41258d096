package se.coop.api.input;

/**
 * The one rule for text a client sends, in every field of every request. Refused: NUL and every other C0 and C1
 * control character (TAB, LF and CR, and the Unicode line and paragraph separators, only in a {@link Multiline}
 * field), unpaired surrogates (broken UTF-16) and the Unicode noncharacters. Kept as given but for the ends: leading and trailing white space and invisible characters
 * (zero-width spaces and joiners, the byte-order mark, …) are removed, so a text made only of them is blank.
 */
public final class ClientText {

    private ClientText() {}

    /**
     * The text as Coop keeps it: without invisible ends, or null when nothing visible is left.
     *
     * @throws IllegalArgumentException naming what is wrong, when the text holds a character no field may hold
     */
    public static String clean(String text, boolean multiline) {
        if (text == null) {
            return null;
        }
        String problem = problem(text, multiline);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (isBlank(text)) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end) {
            int c = text.codePointAt(start);
            if (!strippable(c)) {
                break;
            }
            start += Character.charCount(c);
        }
        while (end > start) {
            int c = text.codePointBefore(end);
            if (!strippable(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return text.substring(start, end);
    }

    /** What is wrong with the text, in words, or null when nothing is. */
    public static String problem(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                    if (noncharacter(codePoint)) {
                        return noncharacterAt(codePoint, i);
                    }
                    i++;
                    continue;
                }
                return "holds broken Unicode (an unpaired surrogate) at position " + (i + 1);
            }
            if (Character.isLowSurrogate(c)) {
                return "holds broken Unicode (an unpaired surrogate) at position " + (i + 1);
            }
            if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return "must not hold control characters (U+" + hex(c) + " at position " + (i + 1) + ")"
                        + (multiline ? "" : "; this field is one line, without tabs or line breaks");
            }
            if (!multiline && (c == '\u2028' || c == '\u2029')) {
                return "must not hold a line or paragraph separator (U+" + hex(c) + " at position " + (i + 1)
                        + "); this field is one line";
            }
            if (noncharacter(c)) {
                return noncharacterAt(c, i);
            }
        }
        return null;
    }

    /** Blank: nothing left once white space and invisible characters are taken away. */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(ClientText::invisible);
    }

    /** What is taken from the ends: white space and format characters (never a variation selector of an emoji). */
    private static boolean strippable(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /** White space, and the characters that show nothing: Unicode's default-ignorable code points and the blanks. */
    static boolean invisible(int c) {
        return strippable(c)
                || c == 0x00AD
                || c == 0x034F
                || c == 0x061C
                || c == 0x115F
                || c == 0x1160
                || c == 0x17B4
                || c == 0x17B5
                || (c >= 0x180B && c <= 0x180F)
                || (c >= 0x200B && c <= 0x200F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x206F)
                || c == 0x2800
                || c == 0x3164
                || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFEFF
                || c == 0xFFA0
                || (c >= 0xFFF0 && c <= 0xFFF8)
                || (c >= 0x1BCA0 && c <= 0x1BCA3)
                || (c >= 0x1D173 && c <= 0x1D17A)
                || (c >= 0xE0000 && c <= 0xE0FFF);
    }

    /** Text for an address or identifier: no white space and nothing invisible anywhere in it. */
    public static boolean hasInvisible(String text) {
        return text.codePoints().anyMatch(ClientText::invisible);
    }

    private static boolean noncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    private static String noncharacterAt(int c, int index) {
        return "must not hold the Unicode noncharacter U+" + hex(c) + " (at position " + (index + 1) + ")";
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }
}
