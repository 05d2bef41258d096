package se.coop.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import se.coop.api.CoopProblem;

/** A document's name as kept and as a download gives it, and the ranges a read may ask for. */
class FileNamesTest {

    @Test
    void aNameIsKeptWithoutItsPathOrControlCharactersInNfc() {
        assertThat(FileNames.clean("C:\\fakepath\\Protokoll.pdf")).isEqualTo("Protokoll.pdf");
        assertThat(FileNames.clean("/tmp/a/b.txt")).isEqualTo("b.txt");
        assertThat(FileNames.clean("Ka\u030arlstad\u0000\u200b.pdf")).isEqualTo("Kårlstad.pdf");
        assertThat(FileNames.clean("  ")).isNull();
        assertThat(FileNames.clean("x".repeat(300))).hasSize(255);
        assertThat(FileNames.clean(".."))
                .as("named by nothing but dots: by its hash")
                .isNull();
    }

    @Test
    void aDownloadIsNamedInAsciiAndExactlyInUtf8() {
        assertThat(FileNames.disposition("Beslut \"§ 45\" 100%.pdf"))
                .isEqualTo("attachment; filename=\"Beslut __ 45_ 100_.pdf\";"
                        + " filename*=UTF-8''Beslut%20%22%C2%A7%2045%22%20100%25.pdf");
        assertThat(FileNames.disposition("a\r\nSet-Cookie: x")).doesNotContain("\r", "\n");
    }

    @Test
    void oneRangeOfBytesIsServedAndOneOutsideIsRefused() {
        assertThat(DocumentController.range("bytes=0-9", 100)).containsExactly(0, 9);
        assertThat(DocumentController.range("bytes=90-", 100)).containsExactly(90, 99);
        assertThat(DocumentController.range("bytes=-10", 100)).containsExactly(90, 99);
        assertThat(DocumentController.range("bytes=-1000", 100)).containsExactly(0, 99);
        assertThat(DocumentController.range("bytes=50-1000", 100)).containsExactly(50, 99);
        assertThat(DocumentController.range("bytes=0-1,5-6", 100))
                .as("several: the whole")
                .isNull();
        assertThat(DocumentController.range("items=0-1", 100)).isNull();
        assertThat(DocumentController.range("bytes=9-1", 100)).isNull();
        assertThatThrownBy(() -> DocumentController.range("bytes=100-", 100)).isInstanceOf(CoopProblem.class);
        assertThatThrownBy(() -> DocumentController.range("bytes=-0", 100)).isInstanceOf(CoopProblem.class);
    }
}
