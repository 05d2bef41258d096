package se.coop.query.extract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import se.coop.api.query.AgreementStatusView;

/**
 * The register as CSV per RFC 4180: UTF-8 with a byte-order mark (so Excel reads å, ä, ö, æ and ø), CRLF after
 * every record, a field quoted when it holds the delimiter, a quote or a line break (a quote doubled). Headers are the
 * JSON names and values codes, or both in people's words ({@link RegisterColumns#inWords}); dates ISO 8601; yes/no as
 * true/false unless in words. A text that begins with = + - @, a tab or a carriage return gets
 * a leading apostrophe, so that a spreadsheet shows it rather than running it as a formula (CSV injection).
 */
final class CsvRegister implements RegisterWriter {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** The characters that make a spreadsheet read a cell as a formula. */
    private static final String FORMULA = "=+-@\t\r";

    private final Writer out;
    private final char delimiter;
    private final List<RegisterColumns.Column> columns;

    CsvRegister(OutputStream stream, char delimiter, List<RegisterColumns.Column> columns) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.delimiter = delimiter;
        this.columns = columns;
        out.write('\uFEFF');
        record(columns.stream().map(RegisterColumns.Column::header).toList());
    }

    @Override
    public void row(AgreementStatusView agreement) throws IOException {
        record(columns.stream().map(c -> text(c.value().apply(agreement))).toList());
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void record(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    private String field(String text) {
        if (text == null) {
            return "";
        }
        // a cell a spreadsheet would run as a formula (OWASP: CSV injection) is written as text
        String value = FORMULA.indexOf(text.isEmpty() ? 'x' : text.charAt(0)) >= 0 ? "'" + text : text;
        boolean quote = value.indexOf(delimiter) >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.LocalDateTime local) {
            return LOCAL_TIME.format(local);
        }
        return value.toString();
    }
}
