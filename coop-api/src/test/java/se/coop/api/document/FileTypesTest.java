package se.coop.api.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A document is named outside Coop with an extension of the type found in its bytes, never by its upload name alone. */
class FileTypesTest {

    @Test
    void aNameEndingInOneOfItsTypesExtensionsIsKept() {
        assertThat(FileTypes.nameFor("Protokoll KS 2026.pdf", "application/pdf"))
                .isEqualTo("Protokoll KS 2026.pdf");
        assertThat(FileTypes.nameFor("BILD.JPEG", "image/jpeg")).isEqualTo("BILD.JPEG");
        assertThat(FileTypes.nameFor("data.csv", "text/plain; charset=UTF-8")).isEqualTo("data.csv");
    }

    @Test
    void aNameNotOfItsTypeGetsTheTypesExtension() {
        assertThat(FileTypes.nameFor("Protokoll KS 2026.pdf.js", "text/plain"))
                .isEqualTo("Protokoll KS 2026.pdf.js.txt");
        assertThat(FileTypes.nameFor("run.exe", "text/plain")).isEqualTo("run.exe.txt");
        assertThat(FileTypes.nameFor("avtal", "application/vnd.oasis.opendocument.text"))
                .isEqualTo("avtal.odt");
        assertThat(FileTypes.nameFor("a.docx", "application/pdf")).isEqualTo("a.docx.pdf");
    }

    @Test
    void aTypeCoopDoesNotListKeepsItsNameAndHasNoExtension() {
        assertThat(FileTypes.nameFor("x.dwg", "image/vnd.dwg")).isEqualTo("x.dwg");
        assertThat(FileTypes.extension("image/vnd.dwg")).isEmpty();
        assertThat(FileTypes.extension("application/pdf")).isEqualTo(".pdf");
        assertThat(FileTypes.extension("image/tiff")).isEqualTo(".tif");
    }
}
