package se.coop.documents;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The name a document is kept under: what the uploader gave, without a path (a browser may send {@code
 * C:\fakepath\…}), control or format characters, in NFC, at most 255 characters; and how a download names it in
 * {@code Content-Disposition} (RFC 6266): an ASCII fallback and the exact name in UTF-8 (RFC 8187).
 */
final class FileNames {

    private static final int MAX = 255;

    private FileNames() {}

    static String clean(String given) {
        if (given == null) {
            return null;
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        String cleaned =
                Normalizer.normalize(kept.toString(), Normalizer.Form.NFC).strip();
        if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.')) {
            // nothing to name it by ("..", "."): it is named by its hash
            return null;
        }
        return cleaned.codePointCount(0, cleaned.length()) <= MAX
                ? cleaned
                : cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX));
    }

    /** {@code attachment; filename="…"; filename*=UTF-8''…} for a document named {@code name}. */
    static String disposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints()
                .forEach(
                        c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
