package se.coop.query.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.coop.api.document.StoredDocument;

/**
 * The PRONOM formats a package names (pronom.tsv, from The National Archives' DROID signature file V122): a PDF/A part
 * and conformance veraPDF found, else a PDF's header version; ODF and JPEG by the version read; OOXML, TIFF and text
 * as PRONOM registers them without versions; and no key where PRONOM tells versions apart that Coop did not read.
 */
class PronomTest {

    @Test
    void theDossiersPdfA2bIsFmt477AndNotTheFmt476OfPdfA2a() {
        assertThat(PackageFile.PDF_A_2B)
                .isEqualTo(new PackageFile.Format("Acrobat PDF/A - Portable Document Format", "2b", "fmt/477"));
        assertThat(Pronom.of("fmt/476").version()).isEqualTo("2a");
        assertThat(PackageFile.XML.pronomKey()).isEqualTo("fmt/101");
        assertThat(PackageFile.JSON.pronomKey()).isEqualTo("fmt/817");
        assertThat(PackageFile.TEXT.pronomKey()).isEqualTo("x-fmt/111");
    }

    @Test
    void aPdfIsItsPdfAFlavourWhenCompliantElseItsHeaderVersion() {
        assertThat(Pronom.of(pdf("1.4", StoredDocument.PdfAStatus.COMPLIANT, "1b"))
                        .pronomKey())
                .isEqualTo("fmt/354");
        assertThat(Pronom.of(pdf("1.7", StoredDocument.PdfAStatus.COMPLIANT, "3u"))
                        .pronomKey())
                .isEqualTo("fmt/481");
        assertThat(Pronom.of(pdf("1.7", StoredDocument.PdfAStatus.NOT_COMPLIANT, "2b"))
                        .pronomKey())
                .as("a claim veraPDF refutes is not its format")
                .isEqualTo("fmt/276");
        assertThat(Pronom.of(pdf("1.4", StoredDocument.PdfAStatus.NOT_PDFA, null))
                        .pronomKey())
                .isEqualTo("fmt/18");
        assertThat(Pronom.of(pdf("2.0", null, null)).pronomKey()).isEqualTo("fmt/1129");
        assertThat(Pronom.of(pdf(null, null, null)).pronomKey())
                .as("no version read")
                .isNull();
    }

    @Test
    void officeImagesAndTextByTheirVersionsWherePronomHasThem() {
        assertThat(Pronom.of("application/vnd.oasis.opendocument.text", "1.2").pronomKey())
                .isEqualTo("fmt/291");
        assertThat(Pronom.of("application/vnd.oasis.opendocument.spreadsheet", "1.3")
                        .pronomKey())
                .isEqualTo("fmt/1755");
        assertThat(Pronom.of("application/vnd.oasis.opendocument.text", null).pronomKey())
                .isNull();
        assertThat(Pronom.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document", null)
                        .pronomKey())
                .isEqualTo("fmt/412");
        assertThat(Pronom.of("image/jpeg", "1.01").pronomKey()).isEqualTo("fmt/43");
        assertThat(Pronom.of("image/tiff", null).pronomKey()).isEqualTo("fmt/353");
        assertThat(Pronom.of("text/plain", null).pronomKey()).isEqualTo("x-fmt/111");
        assertThat(Pronom.of("image/png", null).pronomKey())
                .as("PRONOM tells PNG 1.0, 1.1 and 1.2 apart by chunks Coop does not read")
                .isNull();
    }

    private static StoredDocument pdf(String version, StoredDocument.PdfAStatus status, String flavour) {
        return new StoredDocument(
                "a".repeat(64),
                10,
                "application/pdf",
                version,
                "a.pdf",
                status == null ? null : new StoredDocument.PdfA(status, flavour, null, Instant.EPOCH),
                "secretariat",
                Instant.EPOCH,
                null,
                null);
    }
}
