package se.coop.api.proof;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON in the canonical form of RFC 8785 (JCS), for what Coop signs: object members sorted by their names' UTF-16
 * code units, no white space, strings escaped as ECMAScript's {@code JSON.stringify} does ({@code \b \t \n \f \r}, the
 * other control characters as {@code \}{@code u00xx}, {@code "} and {@code \}; everything else as it is), UTF-8.
 * Values are objects ({@link Map} with string keys), arrays ({@link List}), strings, booleans, null and integers
 * (within ±2^53, written in decimal, as JCS writes such numbers); anything else, and a string with an unpaired
 * surrogate, is refused rather than written in a form another implementation would not reproduce.
 */
public final class CanonicalJson {

    private static final long SAFE = (1L << 53) - 1;

    private CanonicalJson() {}

    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Boolean flag) {
            out.append(flag);
        } else if (value instanceof Integer || value instanceof Long) {
            long number = ((Number) value).longValue();
            if (number > SAFE || number < -SAFE) {
                throw new IllegalArgumentException(number + " is beyond the integers JSON numbers hold exactly");
            }
            out.append(number);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, member) -> {
                if (!(key instanceof String name)) {
                    throw new IllegalArgumentException("an object's member names are strings, not " + key);
                }
                sorted.put(name, member);
            });
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, member.getKey());
                out.append(':');
                write(out, member.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "no canonical JSON for a " + value.getClass().getName());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new IllegalArgumentException("a string with an unpaired surrogate has no canonical JSON");
                }
                out.append(c).append(text.charAt(++i));
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("a string with an unpaired surrogate has no canonical JSON");
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
