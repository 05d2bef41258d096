package se.coop.query.extract;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Answers with a PDF while it is still being made, so that a client that has gone is noticed and the render stopped
 * (the Servlet API tells nobody of a closed connection; only a write to it fails). The answer starts at once with the
 * PDF's header line and the comment line PDF/A asks for after it ({@code %} and bytes above 127); while the PDF is
 * made, each {@link #beat()} adds one more such byte to that comment and sends it — the second write after the client
 * has gone fails, and the render with it. When the PDF is done, its own first two lines are left out, the rest is sent
 * as it is, and the offsets in its cross-reference table and {@code startxref} are moved by the length the comment grew
 * by. The file must have been written with one classic cross-reference table (no object or cross-reference streams,
 * no earlier revision), as {@code DossierPdf} writes it.
 */
final class PdfWhileMade {

    /** The header line this answer starts with: a document of PDF 1.0 to 1.7, as PDF/A-2 allows. */
    private static final byte[] HEADER = "%PDF-1.7\n%".getBytes(StandardCharsets.US_ASCII);

    /** The comment's bytes: at least four above 127 (PDF/A-2, 6.1.2). */
    private static final byte[] BINARY = {(byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3};

    /** A line of a PDF should not be longer than 255 bytes: the comment stops growing there. */
    private static final int MOST_BEATS = 200;

    private final OutputStream client;
    private long written;
    private int beats;

    PdfWhileMade(OutputStream client) {
        this.client = client;
    }

    /** Sends the start of the answer, or one more byte of its comment; fails when the client has gone. */
    void beat() throws IOException {
        if (written == 0) {
            client.write(HEADER);
            client.write(BINARY);
            written = HEADER.length + BINARY.length;
        } else if (beats < MOST_BEATS) {
            client.write(BINARY[beats % BINARY.length]);
            written++;
            beats++;
        }
        client.flush();
    }

    /** Sends the rest: {@code pdf} without its first two lines, its offsets moved by the comment's growth. */
    void finish(Path pdf) throws IOException {
        if (written == 0) {
            beat();
        }
        long startxref = startxref(pdf);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(pdf), 1 << 16)) {
            byte[] first = line(in);
            String version = new String(first, StandardCharsets.US_ASCII).strip();
            if (!version.matches("%PDF-1\\.[0-7]")) {
                throw new IOException("not a PDF of version 1.0 to 1.7: " + version);
            }
            byte[] second = line(in);
            if (second.length == 0 || second[0] != '%') {
                throw new IOException("the PDF's second line is not a comment");
            }
            long read = first.length + second.length;
            client.write('\n');
            written++;
            long shift = written - read;
            // the body, as it is
            copy(in, startxref - read);
            // the cross-reference table, each offset moved
            expect(in, "xref");
            client.write("xref\n".getBytes(StandardCharsets.US_ASCII));
            while (true) {
                String line = new String(line(in), StandardCharsets.US_ASCII).strip();
                if (line.equals("trailer")) {
                    client.write("trailer\n".getBytes(StandardCharsets.US_ASCII));
                    break;
                }
                String[] subsection = line.split(" ");
                if (subsection.length != 2) {
                    throw new IOException("not a cross-reference subsection: " + line);
                }
                client.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                int count = Integer.parseInt(subsection[1]);
                byte[] entry = new byte[20];
                for (int i = 0; i < count; i++) {
                    readFully(in, entry);
                    if (entry[17] == 'n') {
                        long offset = Long.parseLong(new String(entry, 0, 10, StandardCharsets.US_ASCII));
                        byte[] moved = String.format("%010d", offset + shift).getBytes(StandardCharsets.US_ASCII);
                        if (moved.length != 10) {
                            throw new IOException("an offset past 10 digits");
                        }
                        System.arraycopy(moved, 0, entry, 0, 10);
                    }
                    client.write(entry);
                }
            }
            // the trailer, then startxref moved
            while (true) {
                byte[] raw = line(in);
                String line = new String(raw, StandardCharsets.ISO_8859_1);
                if (line.contains("/Prev") || line.contains("/XRefStm")) {
                    throw new IOException("a PDF with an earlier revision cannot be moved");
                }
                client.write(raw);
                if (line.strip().equals("startxref")) {
                    break;
                }
            }
            line(in);
            client.write(((startxref + shift) + "\n").getBytes(StandardCharsets.US_ASCII));
            in.transferTo(client);
        }
        client.flush();
    }

    /** The offset {@code startxref} gives, read from the file's last kilobyte. */
    private static long startxref(Path pdf) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(pdf.toFile(), "r")) {
            int tail = (int) Math.min(1024, file.length());
            byte[] end = new byte[tail];
            file.seek(file.length() - tail);
            file.readFully(end);
            String text = new String(end, StandardCharsets.ISO_8859_1);
            int at = text.lastIndexOf("startxref");
            if (at < 0) {
                throw new IOException("no startxref in the PDF's last kilobyte");
            }
            return Long.parseLong(
                    text.substring(at + "startxref".length()).strip().split("\\s+")[0]);
        }
    }

    private void copy(InputStream in, long length) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the PDF ends before its cross-reference table");
            }
            client.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void expect(InputStream in, String word) throws IOException {
        String line = new String(line(in), StandardCharsets.US_ASCII).strip();
        if (!line.equals(word)) {
            throw new IOException("expected " + word + " in the PDF, found " + line);
        }
    }

    /** One line with its end (LF, CR or CR LF). */
    private static byte[] line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.toByteArray();
            }
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
            if (b == '\r') {
                in.mark(1);
                int next = in.read();
                if (next == '\n') {
                    line.write(next);
                } else if (next >= 0) {
                    in.reset();
                }
                return line.toByteArray();
            }
        }
    }

    private static void readFully(InputStream in, byte[] into) throws IOException {
        int at = 0;
        while (at < into.length) {
            int n = in.read(into, at, into.length - at);
            if (n < 0) {
                throw new EOFException("the PDF's cross-reference table ends early");
            }
            at += n;
        }
    }
}
