package se.coop.query.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * One file of an archive package: its path inside the package, media type, format, size and SHA-256, the name it had
 * before the package (for a document: the name it was uploaded under), when it was made (null: when the package was),
 * and how its bytes are written — from memory, or from the document store as the package is written, never held whole.
 */
record PackageFile(
        String path,
        String mimeType,
        Format format,
        long size,
        String sha256,
        String originalName,
        OffsetDateTime created,
        Content content) {

    /** Writes a file's bytes into the package. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file format by its name and version and, where PRONOM has one, its PRONOM key ({@link Pronom}). */
    record Format(String name, String version, String pronomKey) {}

    static final Format PDF_A_2B = Pronom.of("fmt/477");
    static final Format XML = Pronom.of("fmt/101");
    static final Format JSON = Pronom.of("fmt/817");
    static final Format TEXT = Pronom.of("x-fmt/111");
    static final Format JSON_LINES = new Format("JSON Lines", null, null);

    /** A file made as the package is: its bytes in memory. */
    static PackageFile of(String path, byte[] bytes, String mimeType, Format format) {
        return new PackageFile(
                path, mimeType, format, bytes.length, sha256(bytes), null, null, out -> out.write(bytes));
    }

    /** A file made before the package, on disk: its SHA-256 read from it, its bytes copied as the package is written. */
    static PackageFile of(String path, Path file, String mimeType, Format format) throws IOException {
        MessageDigest sha256 = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new PackageFile(
                path,
                mimeType,
                format,
                Files.size(file),
                HexFormat.of().formatHex(sha256.digest()),
                null,
                null,
                out -> Files.copy(file, out));
    }

    /** An XML file. */
    static PackageFile xml(String path, byte[] bytes) {
        return of(path, bytes, "application/xml", XML);
    }

    /** The same file at another path. */
    PackageFile at(String otherPath) {
        return new PackageFile(otherPath, mimeType, format, size, sha256, originalName, created, content);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's name: the one it had before the package, else the last part of its path. */
    String name() {
        return originalName != null ? originalName : path.substring(path.lastIndexOf('/') + 1);
    }
}
