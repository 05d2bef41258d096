package se.coop.app.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;

/** The register as CSV (RFC 4180, UTF-8 with BOM) and as Excel, with the list's filters and every matching row. */
class RegisterExportTest extends IntegrationTest {

    static final List<String> HEADER = List.of(
            "agreementId",
            "title.sv",
            "title.da",
            "title.en",
            "kind",
            "state",
            "effectiveFrom",
            "term.endsOn",
            "terminatesOn",
            "endedOn",
            "parties.name",
            "parties.country",
            "parties.lead",
            "focusAreas.code",
            "nextReview.startsAt",
            "reviewDueOn",
            "overdue",
            "latestDecisionOn");

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void csvIsRfc4180InUtf8WithAByteOrderMarkAndOneRowPerMatchingAgreement() {
        Secretariat secretariat = new Secretariat(api);
        String inForce = Fixtures.inForce(secretariat, "exportcsv");
        String draft = secretariat.draft(Fixtures.draft("exportcsv"));

        Api.Download csv = secretariat.reader("reviewer").download("/api/v1/agreements/export?q=exportcsv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv").contains("charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains(".csv");
        byte[] bytes = csv.bytes();
        assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(BOM);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        String[] records = text.split("\r\n");
        assertThat(records).hasSize(3);
        assertThat(records[0]).isEqualTo(String.join(",", HEADER));
        // newest first; the English title holds a comma and quotes: quoted, the quotes doubled
        assertThat(records[1])
                .startsWith(draft + ",Samverkan om Øresund och Kattegatt – exportcsv,")
                .contains(",\"Cooperation on the Øresund, \"\"Kattegat\"\", and more – exportcsv\",")
                .contains(",DRAFT,")
                .contains(
                        ",Halmstads kommun | Laholms kommun,SE | SE,Halmstads kommun,kompetens | naringsliv | valfard,");
        LocalDate decided = Fixtures.today().minusDays(40);
        assertThat(records[2]).startsWith(inForce + ",").contains(",IN_FORCE,").endsWith(",false," + decided);
    }

    @Test
    void columnsWordsGivesPeoplesHeadersAndWordsInTheLanguageAskedForAndCodesStayTheDefault() {
        Secretariat secretariat = new Secretariat(api);
        String inForce = Fixtures.inForce(secretariat, "exportwords");
        String[][] expected = {
            {
                "sv",
                "Id;Titel (svenska);Titel (danska);Titel (engelska);Slag;Läge;",
                ";Avsiktsförklaring;Gäller;",
                ";Nej;"
            },
            {
                "da",
                "Id;Titel (svensk);Titel (dansk);Titel (engelsk);Art;Status;",
                ";Hensigtserklæring;Gældende;",
                ";Nej;"
            },
            {
                "en",
                "Id;Title (Swedish);Title (Danish);Title (English);Kind;State;",
                ";Letter of intent;In force;",
                ";No;"
            }
        };
        for (String[] language : expected) {
            List<String> records =
                    lines(secretariat, "q=exportwords&delimiter=semicolon&columns=words&lang=" + language[0]);
            assertThat(records.get(0).replace("\uFEFF", "")).as(language[0]).startsWith(language[1]);
            assertThat(records.get(1)).as(language[0]).startsWith(inForce + ";").contains(language[2], language[3]);
        }
        // without columns, the documented codes
        assertThat(lines(secretariat, "q=exportwords").get(1)).contains(",LETTER_OF_INTENT,IN_FORCE,", ",false,");
        Api.Answer refused = api.as("auditor").get("/api/v1/agreements/export?columns=names");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("columns");
    }

    @Test
    void semicolonsForExcelSetUpTheSwedishWayAndTheHeaderAloneWhenNothingMatches() {
        Secretariat secretariat = new Secretariat(api);
        secretariat.draft(Fixtures.draft("exportsemicolon"));
        String text = new String(
                secretariat
                        .reader("secretariat")
                        .download("/api/v1/agreements/export?q=exportsemicolon&delimiter=semicolon")
                        .bytes(),
                StandardCharsets.UTF_8);
        String[] records = text.substring(1).split("\r\n");
        assertThat(records[0]).isEqualTo(String.join(";", HEADER));
        assertThat(records[1])
                .contains(";Samverkan om Øresund och Kattegatt – exportsemicolon;")
                .contains(";\"Cooperation on the Øresund, \"\"Kattegat\"\", and more – exportsemicolon\";");

        Api.Download none = api.as("auditor").download("/api/v1/agreements/export?q=nothing-has-this-title&format=csv");
        assertThat(none.status()).isEqualTo(200);
        assertThat(new String(none.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF" + String.join(",", HEADER) + "\r\n");
    }

    @Test
    void xlsxHasAHeaderRowTypedDateCellsAndPeoplesHeadersWithLang() throws IOException {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.inForce(secretariat, "exportxlsx");

        Api.Download xlsx =
                secretariat.reader("auditor").download("/api/v1/agreements/export?q=exportxlsx&format=xlsx");
        assertThat(xlsx.status()).as(xlsx.toString()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<Row> rows = rows(xlsx.bytes());
        assertThat(rows).hasSize(2);
        assertThat(sheetXml(xlsx.bytes())).contains("<autoFilter ref=\"A1:R2\"");
        assertThat(rows.get(0).stream().map(Cell::asString).toList()).isEqualTo(HEADER);
        Row row = rows.get(1);
        assertThat(row.getCell(0).asString()).isEqualTo(id);
        Cell effectiveFrom = row.getCell(HEADER.indexOf("effectiveFrom"));
        assertThat(effectiveFrom.getType()).isEqualTo(CellType.NUMBER);
        assertThat(effectiveFrom.getDataFormatString()).isEqualTo("yyyy-mm-dd");
        assertThat(effectiveFrom.asDate().toLocalDate())
                .isEqualTo(Fixtures.today().minusDays(40));
        assertThat(row.getCell(HEADER.indexOf("overdue")).getType()).isEqualTo(CellType.BOOLEAN);
        assertThat(row.getCell(HEADER.indexOf("parties.name")).asString())
                .isEqualTo("Halmstads kommun | Laholms kommun");

        List<Row> swedish = rows(secretariat
                .reader("auditor")
                .download("/api/v1/agreements/export?q=exportxlsx&format=xlsx&lang=sv")
                .bytes());
        assertThat(swedish.get(0).getCell(1).asString()).isEqualTo("Titel (svenska)");
        assertThat(swedish.get(0).getCell(HEADER.indexOf("effectiveFrom")).asString())
                .isEqualTo("Gäller från");

        Api.Download byAccept = secretariat
                .reader("auditor")
                .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .download("/api/v1/agreements/export?q=exportxlsx");
        assertThat(byAccept.header("Content-Type")).startsWith("application/vnd.openxmlformats");
    }

    @Test
    void everyFilterOfTheListAppliesAndBadParametersAreRefused() {
        Secretariat secretariat = new Secretariat(api);
        Fixtures.inForce(secretariat, "exportfilter");
        secretariat.draft(Fixtures.draft("exportfilter"));
        assertThat(lines(secretariat, "q=exportfilter&state=DRAFT")).hasSize(2);
        assertThat(lines(secretariat, "q=exportfilter&party=laholm")).hasSize(3);
        assertThat(lines(secretariat, "q=exportfilter&party=bastad")).hasSize(1);
        assertThat(lines(secretariat, "q=exportfilter&country=dk")).hasSize(1);
        assertThat(lines(secretariat, "q=exportfilter&focusArea=valfard&state=IN_FORCE"))
                .hasSize(2);

        Api.Answer format = api.as("auditor").get("/api/v1/agreements/export?format=pdf");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("violations").get(0).get("field").asString())
                .isEqualTo("format");
        assertThat(format.body()).contains("csv, xlsx");
        Api.Answer delimiter = api.as("auditor").get("/api/v1/agreements/export?delimiter=pipe");
        assertThat(delimiter.status()).isEqualTo(400);
        assertThat(delimiter.json().get("violations").get(0).get("field").asString())
                .isEqualTo("delimiter");
        Api.Answer state = api.as("auditor").get("/api/v1/agreements/export?state=SIGNED");
        assertThat(state.status()).isEqualTo(400);
        Api.Answer accept =
                api.as("auditor").header("Accept", "application/pdf").get("/api/v1/agreements/export");
        assertThat(accept.status()).isEqualTo(406);
        assertThat(api.as("operator").get("/api/v1/agreements/export").status()).isEqualTo(403);
    }

    @Test
    void theLatestDecisionIsTheLatestOfAnyOutcomeAndAFormulaIsWrittenAsText() {
        Secretariat secretariat = new Secretariat(api);
        Map<String, Object> draft = new LinkedHashMap<>(Fixtures.draft("exportlatest"));
        draft.put("title", Map.of("sv", "=HYPERLINK(\"http://example.org\") exportlatest"));
        String id = secretariat.draft(draft);
        secretariat.submit(id);
        LocalDate today = Fixtures.today();
        secretariat.adopt(id, "halmstad", Bodies.TEXT_V1, today.minusDays(20).toString());
        secretariat.decide(id, "laholm", Bodies.TEXT_V1, today.minusDays(5).toString(), "TABLED");

        String[] records = new String(
                        secretariat
                                .reader("auditor")
                                .download("/api/v1/agreements/export?q=exportlatest")
                                .bytes(),
                        StandardCharsets.UTF_8)
                .split("\r\n");
        assertThat(records).hasSize(2);
        assertThat(records[1])
                .startsWith(id + ",\"'=HYPERLINK(\"\"http://example.org\"\") exportlatest\",")
                .endsWith("," + today.minusDays(5));
        assertThat(secretariat
                        .read("auditor", "/api/v1/agreements/" + id)
                        .json()
                        .get("latestDecisionOn")
                        .asString())
                .isEqualTo(today.minusDays(5).toString());
    }

    /**
     * Issue 28, finding 4: a title {@code Samverkan;=1+1} exported with commas was written unquoted, so a spreadsheet
     * splitting on semicolons (Excel set up the Swedish way) got a cell beginning with {@code =}. Every delimiter Coop
     * writes is read here with every delimiter a spreadsheet may split on, as a spreadsheet reads it (quotes honoured
     * only at a cell's start, spaces before a formula ignored): no cell may begin with a formula character.
     */
    @Test
    void noCellBeginsWithAFormulaWhateverDelimiterTheSpreadsheetSplitsOn() {
        Secretariat secretariat = new Secretariat(api);
        Map<String, Object> draft = new LinkedHashMap<>(Fixtures.draft("exportsplits"));
        draft.put("title", Map.of("sv", "Samverkan;=1+1, +2;@SUM(A1),\"-3\" exportsplits"));
        secretariat.draft(draft);
        for (String written : List.of("comma", "semicolon", "tab")) {
            String text = new String(
                            secretariat
                                    .reader("auditor")
                                    .download("/api/v1/agreements/export?q=exportsplits&delimiter=" + written)
                                    .bytes(),
                            StandardCharsets.UTF_8)
                    .substring(1);
            assertThat(text).as(written).contains("exportsplits");
            for (char split : new char[] {',', ';', '\t'}) {
                for (String cell : spreadsheetCells(text, split)) {
                    String shown = cell.stripLeading();
                    assertThat(shown.isEmpty() ? ' ' : shown.charAt(0))
                            .as("written with %s, split on '%s': cell %s", written, split, cell)
                            .isNotIn('=', '+', '-', '@');
                }
            }
        }
    }

    /** The cells a spreadsheet makes of a text split on {@code split}: a quote opens a quoted cell only at its start. */
    private static List<String> spreadsheetCells(String text, char split) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean atStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && atStart) {
                quoted = true;
                atStart = false;
            } else if (c == split || c == '\n' || c == '\r') {
                cells.add(cell.toString());
                cell.setLength(0);
                atStart = true;
            } else {
                cell.append(c);
                atStart = atStart && c == ' ';
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void acceptChoosesAndQZeroRefusesEvenBesideAWildcard() {
        Api.Download text = api.as("auditor").header("Accept", "text/*").download("/api/v1/agreements/export?q=none");
        assertThat(text.header("Content-Type")).startsWith("text/csv");
        Api.Download notCsv =
                api.as("auditor").header("Accept", "text/csv;q=0, */*").download("/api/v1/agreements/export?q=none");
        assertThat(notCsv.header("Content-Type")).startsWith("application/vnd.openxmlformats");
        Api.Answer english = api.as("auditor").get("/api/v1/agreements/export?q=none&delimiter=");
        assertThat(english.status()).isEqualTo(200);
    }

    private static List<String> lines(Secretariat secretariat, String query) {
        String text = new String(
                secretariat
                        .reader("secretariat")
                        .download("/api/v1/agreements/export?" + query)
                        .bytes(),
                StandardCharsets.UTF_8);
        return List.of(text.split("\r\n"));
    }

    /** The sheet's XML (fastexcel writes entries a ZipInputStream cannot read: read from a file). */
    private static String sheetXml(byte[] xlsx) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("register", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                return new String(
                        zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))
                                .readAllBytes(),
                        StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    private static List<Row> rows(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            return workbook.getFirstSheet().read();
        }
    }
}
