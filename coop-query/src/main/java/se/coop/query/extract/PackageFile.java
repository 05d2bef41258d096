package se.coop.query.extract;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file of an archive package: its path inside the package, its bytes, media type, size and SHA-256. */
record PackageFile(String path, byte[] bytes, String mimeType, Format format) {

    /** A file format by its name and, where PRONOM has one, its PRONOM key. */
    record Format(String name, String pronomKey) {}

    static final Format PDF_A_2B = new Format("PDF/A-2b", "fmt/476");
    static final Format XML = new Format("Extensible Markup Language", "fmt/101");
    static final Format JSON = new Format("JSON Data Interchange Format", "fmt/817");
    static final Format JSON_LINES = new Format("JSON Lines", null);
    static final Format TEXT = new Format("Plain Text File", "x-fmt/111");

    /** An XML file. */
    static PackageFile xml(String path, byte[] bytes) {
        return new PackageFile(path, bytes, "application/xml", XML);
    }

    /** The same file at another path. */
    PackageFile at(String otherPath) {
        return new PackageFile(otherPath, bytes, mimeType, format);
    }

    long size() {
        return bytes.length;
    }

    String sha256() {
        return sha256(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's name, the last part of its path. */
    String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
