package se.coop.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.web.util.HtmlUtils;
import se.coop.web.extract.DossierPdf;

/**
 * Files as a secretariat would upload them, each made of the words given (so each test's files are its own): a PDF/A-2b
 * rendered as Coop renders its dossier, a plain PDF, a Word document, an OpenDocument text, a ZIP holding a program
 * but named {@code .docx}, and plain text.
 */
public final class SampleFiles {

    private SampleFiles() {}

    public static byte[] pdfA(String words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DossierPdf.pdfA(
                    "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"UTF-8\"/><title>"
                            + HtmlUtils.htmlEscape(words, "UTF-8")
                            + "</title></head><body><p style=\"font-family: 'Liberation"
                            + " Sans'\">" + HtmlUtils.htmlEscape(words, "UTF-8") + "</p></body></html>",
                    out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PDF that claims no PDF/A part. */
    public static byte[] plainPdf(String words) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(words.replaceAll("[^\\x20-\\x7e]", "?"));
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal Word (OOXML) document: its content types, its relationship and its body. */
    public static byte[] docx(String words) {
        return zip(false, new String[][] {
            {
                "[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                        + "officedocument.wordprocessingml.document.main+xml\"/></Types>"
            },
            {
                "_rels/.rels",
                "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
            },
            {
                "word/document.xml",
                "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>" + HtmlUtils.htmlEscape(words, "UTF-8")
                        + "</w:t></w:r></w:p></w:body></w:document>"
            }
        });
    }

    /** A minimal OpenDocument text, ODF 1.2: its {@code mimetype} first and stored, its manifest, its content. */
    public static byte[] odt(String words) {
        return zip(true, new String[][] {
            {"mimetype", "application/vnd.oasis.opendocument.text"},
            {
                "META-INF/manifest.xml",
                "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                        + " manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
                        + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/></manifest:manifest>"
            },
            {
                "content.xml",
                "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                        + " office:version=\"1.2\"><office:body><office:text>" + HtmlUtils.htmlEscape(words, "UTF-8")
                        + "</office:text></office:body></office:document-content>"
            }
        });
    }

    /** A ZIP holding a program, whatever name it is given. */
    public static byte[] zipWithProgram(String words) {
        return zip(false, new String[][] {{"setup.exe", "MZ\u0090\u0000 " + words}});
    }

    public static byte[] text(String words) {
        return (words + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip(boolean firstStored, String[][] entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            boolean first = true;
            for (String[] entry : entries) {
                ZipEntry zipEntry = new ZipEntry(entry[0]);
                byte[] bytes = entry[1].getBytes(StandardCharsets.UTF_8);
                if (first && firstStored) {
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(bytes.length);
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    zipEntry.setCrc(crc.getValue());
                }
                first = false;
                zip.putNextEntry(zipEntry);
                zip.write(bytes);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
