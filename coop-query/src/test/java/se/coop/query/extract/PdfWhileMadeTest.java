package se.coop.query.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28, finding 1: a dossier's render went on for minutes after its client had gone, as nothing was written to
 * the client until the PDF was whole. The answer now starts at once and grows the PDF's opening comment by a byte
 * after each part, so a closed connection fails the next write; the PDF's own offsets are moved by what the comment
 * grew, so the file stays exact.
 */
class PdfWhileMadeTest {

    @TempDir
    Path dir;

    @Test
    void everyOffsetOfTheAnswerPointsWhereTheFilesPointedHoweverManyBeatsWereSent() throws IOException {
        Path pdf = dir.resolve("made.pdf");
        Files.write(pdf, minimalPdf());
        for (int beats : List.of(0, 1, 7, 250)) {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            PdfWhileMade made = new PdfWhileMade(answer);
            for (int i = 0; i < beats; i++) {
                made.beat();
            }
            made.finish(pdf);
            byte[] bytes = answer.toByteArray();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);

            assertThat(text).startsWith("%PDF-1.7\n%");
            String comment = text.substring("%PDF-1.7\n".length(), text.indexOf('\n', "%PDF-1.7\n".length()));
            assertThat(comment.length() - 1)
                    .as("the comment: four bytes above 127 and one more for each beat after the first, at most 200")
                    .isEqualTo(4 + Math.min(200, Math.max(0, beats - 1)));
            assertThat(comment.substring(1).chars()).allMatch(c -> c > 127);
            // each object where the cross-reference table says, the table where startxref says
            long startxref = Long.parseLong(
                    text.substring(text.lastIndexOf("startxref") + 10).strip().split("\\s+")[0]);
            assertThat(text.substring((int) startxref)).startsWith("xref\n0 4\n");
            List<Long> offsets = offsets(text, (int) startxref);
            assertThat(offsets).hasSize(3);
            for (int object = 1; object <= 3; object++) {
                assertThat(text.substring(offsets.get(object - 1).intValue())).startsWith(object + " 0 obj");
            }
            assertThat(text).endsWith("%%EOF\n");
            // the body itself is unchanged
            String original = Files.readString(pdf, StandardCharsets.ISO_8859_1);
            String body = original.substring(original.indexOf("1 0 obj"), original.indexOf("xref\n"));
            assertThat(text).contains(body);
        }
    }

    @Test
    void aClientThatHasGoneFailsTheNextBeat() throws IOException {
        List<Integer> sent = new ArrayList<>();
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (sent.size() >= 3) {
                    throw new IOException("Broken pipe");
                }
                sent.add(b);
            }
        };
        PdfWhileMade made = new PdfWhileMade(closed);
        assertThatThrownBy(() -> {
                    for (int part = 0; part < 10; part++) {
                        made.beat();
                    }
                })
                .isInstanceOf(IOException.class);
    }

    @Test
    void aPdfWithAnEarlierRevisionOrAnotherVersionIsNotMoved() throws IOException {
        Path revised = dir.resolve("revised.pdf");
        Files.write(
                revised,
                new String(minimalPdf(), StandardCharsets.ISO_8859_1)
                        .replace("/Size 4 /Root 1 0 R", "/Size 4 /Root 1 0 R /Prev 9")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new PdfWhileMade(new ByteArrayOutputStream()).finish(revised))
                .hasMessageContaining("earlier revision");
        Path two = dir.resolve("two.pdf");
        Files.write(
                two,
                new String(minimalPdf(), StandardCharsets.ISO_8859_1)
                        .replace("%PDF-1.7", "%PDF-2.0")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new PdfWhileMade(new ByteArrayOutputStream()).finish(two))
                .hasMessageContaining("1.0 to 1.7");
    }

    private static List<Long> offsets(String text, int startxref) {
        String[] lines = text.substring(startxref).split("\r\n|\n");
        List<Long> offsets = new ArrayList<>();
        // "xref", "0 4", the free entry, then objects 1 to 3
        for (int i = 3; i < 6; i++) {
            offsets.add(Long.parseLong(lines[i].substring(0, 10)));
        }
        return offsets;
    }

    /** A PDF of one empty page, as PDFBox writes one: header, binary comment, objects, one classic table. */
    private static byte[] minimalPdf() {
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n%\u00f6\u00e4\u00fc\u00df\n");
        List<Integer> offsets = new ArrayList<>();
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
        };
        for (int i = 0; i < objects.length; i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 4\n0000000000 65535 f\r\n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n\r\n", offset));
        }
        pdf.append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
