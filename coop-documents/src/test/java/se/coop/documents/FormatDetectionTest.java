package se.coop.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a file is, told from its bytes and never from its name: a Word document, an OpenDocument text and a ZIP holding
 * a program are three different things, whatever they are called; a PDF's and an ODF package's versions are read.
 */
class FormatDetectionTest {

    private final FormatDetection detection = new FormatDetection();

    @TempDir
    Path temp;

    @Test
    void aWordDocumentAnOpenDocumentTextAndAZipPosingAsWordAreToldApartByTheirBytes() throws IOException {
        FormatDetection.Format docx = detect(
                "avtal.zip",
                zip(
                        false,
                        "[Content_Types].xml",
                        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                                + "officedocument.wordprocessingml.document.main+xml\"/></Types>",
                        "_rels/.rels",
                        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
                        "word/document.xml",
                        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));
        assertThat(docx.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        FormatDetection.Format odt = detect(
                "avtal.docx",
                zip(
                        true,
                        "mimetype",
                        "application/vnd.oasis.opendocument.text",
                        "META-INF/manifest.xml",
                        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                                + " manifest:version=\"1.3\"/>",
                        "content.xml",
                        "<x/>"));
        assertThat(odt).isEqualTo(new FormatDetection.Format("application/vnd.oasis.opendocument.text", "1.3"));

        FormatDetection.Format program = detect("avtal.docx", zip(false, "setup.exe", "MZ a program"));
        assertThat(program.mediaType()).isEqualTo("application/zip");
    }

    @Test
    void aPdfsVersionAndAJpegsJfifVersionAreRead() throws IOException {
        FormatDetection.Format pdf = detect(
                "a.bin",
                "%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(pdf).isEqualTo(new FormatDetection.Format("application/pdf", "1.7"));
        byte[] jpeg = {
            (byte) 0xff,
            (byte) 0xd8,
            (byte) 0xff,
            (byte) 0xe0,
            0,
            16,
            'J',
            'F',
            'I',
            'F',
            0,
            1,
            2,
            0,
            0,
            1,
            0,
            1,
            0,
            0,
            (byte) 0xff,
            (byte) 0xd9
        };
        assertThat(detect("bild.png", jpeg)).isEqualTo(new FormatDetection.Format("image/jpeg", "1.02"));
        assertThat(detect("a.pdf", "Samverkansavtal åäö\n".getBytes(StandardCharsets.UTF_8))
                        .mediaType())
                .isEqualTo("text/plain");
    }

    private FormatDetection.Format detect(String name, byte[] bytes) throws IOException {
        Path file = temp.resolve(name);
        Files.write(file, bytes);
        return detection.detect(file);
    }

    private static byte[] zip(boolean firstStored, String... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                ZipEntry entry = new ZipEntry(namesAndContents[i]);
                byte[] bytes = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                if (i == 0 && firstStored) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
