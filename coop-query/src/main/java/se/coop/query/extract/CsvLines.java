package se.coop.query.extract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Records of text as CSV per RFC 4180, the way every CSV of Coop is written (the register's export, the open register):
 * UTF-8 with a byte-order mark (so Excel reads å, ä, ö, æ and ø), CRLF after every record, a field quoted when it holds
 * the delimiter, a quote or a line break (a quote doubled).
 *
 * <p>Closed against formulas (CSV injection) whatever character the reader's spreadsheet splits on: not only a text
 * that begins with = + - @, a tab or a carriage return, but every part of a text after a comma, a semicolon, a tab or a
 * line break that begins with one (spaces and quotes before it skipped, as a spreadsheet skips them) gets an apostrophe
 * before it, so that a spreadsheet splitting this file on another delimiter than the one it was written with (Excel
 * set up the Swedish way splits on semicolons) still finds no cell it would run. And every field holding any of the
 * three delimiters is quoted, not only the one chosen.
 */
public final class CsvLines {

    /** The characters that make a spreadsheet read a cell as a formula. */
    private static final String FORMULA = "=+-@\t\r";

    /** The characters a spreadsheet may split a line on, whichever the file was written with, and line breaks. */
    private static final String SPLITS = ",;\t\r\n";

    private final Writer out;
    private final char delimiter;

    /** Starts the file (its byte-order mark) on {@code stream}, to be split on {@code delimiter}. */
    public CsvLines(OutputStream stream, char delimiter) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.delimiter = delimiter;
        out.write('\uFEFF');
    }

    /** One record; a null field is empty. */
    public void record(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** Writes out what is buffered. */
    public void flush() throws IOException {
        out.flush();
    }

    private String field(String text) {
        if (text == null) {
            return "";
        }
        String value = inert(text);
        boolean quote =
                value.indexOf(delimiter) >= 0 || value.chars().anyMatch(c -> c == '"' || SPLITS.indexOf(c) >= 0);
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * The text with an apostrophe before every part a spreadsheet could read as a cell of its own that would begin
     * with a formula character: the text's start, and whatever follows a comma, semicolon, tab or line break.
     */
    static String inert(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        boolean cellStart = true;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (cellStart) {
                int j = i;
                while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '"')) {
                    j++;
                }
                if (j < text.length() && FORMULA.indexOf(text.charAt(j)) >= 0) {
                    out.append('\'');
                }
                cellStart = false;
            }
            out.append(c);
            cellStart = SPLITS.indexOf(c) >= 0;
            i++;
        }
        return out.toString();
    }
}
