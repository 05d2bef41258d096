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
        int start = 0;
        int end = text.length();
        while (start < end) {
            int c = text.codePointAt(start);
            if (!invisible(c)) {
                break;
            }
            start += Character.charCount(c);
        }
        while (end > start) {
            int c = text.codePointBefore(end);
            if (!invisible(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return start == end ? null : text.substring(start, end);
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

    /** White space, and the characters that take no room on screen (format characters and the fillers). */
    static boolean invisible(int c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT
                || c == 0x115F
                || c == 0x1160
                || c == 0x3164
                || c == 0xFFA0
                || c == 0x2800;
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
