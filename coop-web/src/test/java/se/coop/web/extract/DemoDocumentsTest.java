package se.coop.web.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/**
 * The demo data's documents (coop-command's {@code demo/documents}) are small PDF/A-2b files made from the seeds' own
 * words ({@code *.txt}: the document's language, title, source and day, then its paragraphs), marked as illustrative,
 * and byte for byte reproducible: the same words give the same file, so the demo data can name them by their SHA-256.
 * Rendered as the dossier is ({@link DossierPdf#pdfA}), then given fixed dates and a fixed document id. With
 * {@code -Dcoop.demo.documents.write=true} this test writes them anew.
 */
class DemoDocumentsTest {

    static final Path DOCUMENTS = Path.of("..", "coop-command", "src", "main", "resources", "demo", "documents");

    @Test
    void eachDemoDocumentIsTheFileItsWordsMake() throws IOException {
        List<Path> sources = sources();
        assertThat(sources).hasSizeGreaterThanOrEqualTo(10);
        boolean write = Boolean.getBoolean("coop.demo.documents.write");
        for (Path source : sources) {
            Path pdf = source.resolveSibling(source.getFileName().toString().replace(".txt", ".pdf"));
            byte[] made = make(source);
            assertThat(make(source))
                    .as("the same words make the same bytes: " + source)
                    .isEqualTo(made);
            if (write) {
                Files.write(pdf, made);
            }
            assertThat(pdf).as(pdf + " is committed").exists();
            assertThat(Files.readAllBytes(pdf))
                    .as(pdf + " is what " + source.getFileName()
                            + " makes (regenerate with -Dcoop.demo.documents.write=true)")
                    .isEqualTo(made);
        }
    }

    static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(DOCUMENTS)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** The PDF/A-2b a source's words make. */
    static byte[] make(Path source) throws IOException {
        Source words = Source.read(source);
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        DossierPdf.pdfA(words.html(), rendered);
        return fix(rendered.toByteArray(), words);
    }

    /** Dates of the document's own day and an id from its words, where the renderer would put today's and a random one. */
    private static byte[] fix(byte[] pdf, Source words) throws IOException {
        Calendar made = GregorianCalendar.from(words.made().atStartOfDay(ZoneOffset.UTC));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setCreationDate(made);
            info.setModificationDate(made);
            info.setTitle(words.title());
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            XMPMetadata xmp = new DomXmpParser().parse(metadata.toByteArray());
            XMPBasicSchema basic =
                    xmp.getXMPBasicSchema() != null ? xmp.getXMPBasicSchema() : xmp.createAndAddXMPBasicSchema();
            basic.setCreateDate(made);
            basic.setModifyDate(made);
            basic.setMetadataDate(made);
            DublinCoreSchema dc =
                    xmp.getDublinCoreSchema() != null ? xmp.getDublinCoreSchema() : xmp.createAndAddDublinCoreSchema();
            dc.setTitle(words.title());
            ByteArrayOutputStream serialized = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, serialized, true);
            metadata.importXMPMetadata(serialized.toByteArray());
            byte[] id = MessageDigest.getInstance("MD5").digest(words.text().getBytes(StandardCharsets.UTF_8));
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (java.security.NoSuchAlgorithmException
                | javax.xml.transform.TransformerException
                | org.apache.xmpbox.xml.XmpParsingException e) {
            throw new IOException(e);
        }
    }

    /** A demo document's words: its headers (lang, title, source, made) and paragraphs. */
    record Source(String text, Map<String, String> headers, List<String> paragraphs) {

        static Source read(Path path) throws IOException {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            String[] parts = text.split("\n---\n", 2);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : parts[0].split("\n")) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
            List<String> paragraphs = new ArrayList<>();
            for (String paragraph : parts[1].strip().split("\n\n")) {
                paragraphs.add(paragraph.strip());
            }
            return new Source(text, headers, paragraphs);
        }

        String title() {
            return headers.get("title");
        }

        LocalDate made() {
            return LocalDate.parse(headers.get("made"));
        }

        String lang() {
            return headers.get("lang");
        }

        String html() {
            StringBuilder html = new StringBuilder();
            html.append("<!DOCTYPE html><html lang=\"")
                    .append(lang())
                    .append("\"><head><meta charset=\"UTF-8\"/>")
                    .append("<title>")
                    .append(escape(title()))
                    .append("</title>")
                    .append("<style>@page { size: A4; margin: 22mm 20mm; } * { font-family: \"Liberation Sans\"; }")
                    .append(" body { font-size: 11pt; line-height: 1.45; color: #111; }")
                    .append(" h1 { font-size: 18pt; margin: 0 0 6mm 0; }")
                    .append(" .mark { border: 1pt solid #b35c00; background: #fff4e5; padding: 3mm; font-size: 9pt;")
                    .append(" margin: 0 0 6mm 0; } ul { margin: 0 0 3mm 6mm; } p { margin: 0 0 3mm 0; }</style>")
                    .append("</head><body>");
            html.append("<h1>").append(escape(title())).append("</h1>");
            html.append("<p class=\"mark\">").append(escape(mark())).append("</p>");
            for (String paragraph : paragraphs) {
                String lang = null;
                String body = paragraph;
                if (body.startsWith("[") && body.indexOf(']') == 3) {
                    lang = body.substring(1, 3);
                    body = body.substring(4).strip();
                }
                String attribute = lang == null ? "" : " lang=\"" + lang + "\"";
                List<String> lines = List.of(body.split("\n"));
                List<String> items =
                        lines.stream().filter(l -> l.startsWith("- ")).toList();
                List<String> prose =
                        lines.stream().filter(l -> !l.startsWith("- ")).toList();
                if (!prose.isEmpty()) {
                    html.append("<p")
                            .append(attribute)
                            .append('>')
                            .append(escape(String.join(" ", prose)))
                            .append("</p>");
                }
                if (!items.isEmpty()) {
                    html.append("<ul").append(attribute).append('>');
                    items.forEach(item -> html.append("<li>")
                            .append(escape(item.substring(2)))
                            .append("</li>"));
                    html.append("</ul>");
                }
            }
            return html.append("</body></html>").toString();
        }

        /** What the document is, in its own language: an illustration made from public words, not the real text. */
        private String mark() {
            String source = headers.get("source");
            return "da".equals(lang())
                    ? "Illustrativt dokument i Coops demodata, lavet af ordene i en offentlig meddelelse (" + source
                            + "). Det er ikke aftalens egentlige tekst."
                    : "Illustrativt dokument i Coops demodata, gjort av orden i ett offentligt meddelande (" + source
                            + "). Det är inte avtalets verkliga text.";
        }

        private static String escape(String text) {
            return HtmlUtils.htmlEscape(text, "UTF-8");
        }
    }
}
