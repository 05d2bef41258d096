package se.coop.query.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import se.coop.api.query.AgreementStatusView;

/**
 * The register as CSV ({@link CsvLines}: RFC 4180, UTF-8 with a byte-order mark, closed against formulas). Headers are
 * the JSON names and values codes, or both in people's words ({@link RegisterColumns#inWords}); dates ISO 8601; yes/no
 * as true/false unless in words.
 */
final class CsvRegister implements RegisterWriter {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final CsvLines out;
    private final List<RegisterColumns.Column> columns;

    CsvRegister(OutputStream stream, char delimiter, List<RegisterColumns.Column> columns) throws IOException {
        this.out = new CsvLines(stream, delimiter);
        this.columns = columns;
        out.record(columns.stream().map(RegisterColumns.Column::header).toList());
    }

    @Override
    public void row(AgreementStatusView agreement) throws IOException {
        out.record(columns.stream().map(c -> text(c.value().apply(agreement))).toList());
    }

    @Override
    public void finish() throws IOException {
        out.flush();
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
