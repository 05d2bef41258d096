package se.coop.query.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import se.coop.api.query.AgreementStatusView;

/**
 * The register as an Excel workbook (fastexcel, written as it goes: rows leave for the stream every {@value #FLUSH},
 * texts inline rather than in a shared string table that would grow with the register):
 * a bold, frozen header row with a filter, dates as date cells, meeting times as date-time cells, yes/no as booleans.
 * Headers are the JSON names, or people's words ({@link RegisterColumns#inWords}).
 */
final class XlsxRegister implements RegisterWriter {

    private static final int FLUSH = 500;

    private final Workbook workbook;
    private final Worksheet sheet;
    private final List<RegisterColumns.Column> columns;
    private int row = 0;

    XlsxRegister(OutputStream out, String sheetName, List<RegisterColumns.Column> columns) {
        this.workbook = new Workbook(out, "Coop", "1.0");
        this.sheet = workbook.newWorksheet(sheetName);
        this.columns = columns;
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).header());
            sheet.style(0, c).bold().fillColor("EEF1F5").set();
            sheet.width(c, c == 0 ? 38 : 20);
        }
        sheet.freezePane(0, 1);
        row = 1;
    }

    @Override
    public void row(AgreementStatusView agreement) throws IOException {
        for (int c = 0; c < columns.size(); c++) {
            Object value = columns.get(c).value().apply(agreement);
            if (value instanceof LocalDate date) {
                sheet.value(row, c, date);
                sheet.style(row, c).format("yyyy-mm-dd").set();
            } else if (value instanceof LocalDateTime time) {
                sheet.value(row, c, time);
                sheet.style(row, c).format("yyyy-mm-dd hh:mm").set();
            } else if (value instanceof Boolean yes) {
                sheet.value(row, c, yes);
            } else if (value != null) {
                // inline: a shared string table would hold every distinct text of the register until the end
                sheet.inlineString(row, c, value.toString());
            }
        }
        row++;
        if (row % FLUSH == 0) {
            sheet.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        // the filter covers every row, known only now
        sheet.setAutoFilter(0, 0, Math.max(row - 1, 1), columns.size() - 1);
        workbook.finish();
    }
}
