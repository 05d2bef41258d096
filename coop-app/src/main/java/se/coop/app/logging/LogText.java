package se.coop.app.logging;

/**
 * The one rule for text in the log: a line break, a control character, a Unicode line or paragraph separator or a
 * direction control is written as an escape ({@code \n}, {@code \r}, {@code \t}, {@code \u2028} …), so that one log
 * event is one line and reads left to right whatever text it carries.
 */
public final class LogText {

    private LogText() {}

    public static String escaped(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !escape(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!escape(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean escape(char c) {
        return Character.isISOControl(c)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C';
    }
}
