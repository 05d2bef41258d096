package se.coop.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a file is, from its bytes alone — never from its name, which a ZIP holding a program can give itself as
 * {@code .docx} just as well: Apache Tika's detectors, containers included (an OOXML package by its content types, an
 * ODF package by its {@code mimetype} entry), and the format's version where the archive's format registry tells
 * versions apart (a PDF's header, an ODF package's manifest, a JPEG's JFIF segment).
 */
@Component
public class FormatDetection {

    private static final Logger log = LoggerFactory.getLogger(FormatDetection.class);

    private static final Pattern PDF_VERSION = Pattern.compile("%PDF-(\\d\\.\\d)");
    private static final Pattern ODF_VERSION = Pattern.compile("manifest:version=\"([0-9.]+)\"");
    private static final String OCTET_STREAM = "application/octet-stream";

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    /** A detected format: its media type (without parameters) and version, where one is read. */
    public record Format(String mediaType, String version) {}

    /** The format of the file at {@code path}. */
    public Format detect(Path path) throws IOException {
        String mediaType;
        try (TikaInputStream in = TikaInputStream.get(path)) {
            MediaType detected = detector.detect(in, new Metadata());
            mediaType = detected.getBaseType().toString();
        } catch (RuntimeException | LinkageError e) {
            // a detector that fails on odd bytes says nothing of them: such a file is unknown, and refused as such
            log.warn("Format detection failed on an upload ({}); treated as {}", e.toString(), OCTET_STREAM);
            mediaType = OCTET_STREAM;
        }
        return new Format(mediaType, version(mediaType, path));
    }

    private static String version(String mediaType, Path path) throws IOException {
        if (mediaType.equals("application/pdf")) {
            return first(path, PDF_VERSION, 1024);
        }
        if (mediaType.startsWith("application/vnd.oasis.opendocument.")) {
            return odfVersion(path);
        }
        if (mediaType.equals("image/jpeg")) {
            return jfifVersion(path);
        }
        return null;
    }

    private static String first(Path path, Pattern pattern, int bytes) throws IOException {
        byte[] head = new byte[bytes];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, bytes);
        }
        Matcher matcher = pattern.matcher(new String(head, 0, n, StandardCharsets.ISO_8859_1));
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The ODF version its manifest declares ({@code manifest:version}, since ODF 1.2); null when it declares none. */
    private static String odfVersion(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry manifest = zip.getEntry("META-INF/manifest.xml");
            if (manifest == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(manifest)) {
                String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                Matcher matcher = ODF_VERSION.matcher(text);
                return matcher.find() ? matcher.group(1) : null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** A JPEG's JFIF version ("1.01"), from the APP0 segment right after its start; null for one without JFIF. */
    private static String jfifVersion(Path path) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        boolean jfif = n >= 13
                && (head[2] & 0xff) == 0xff
                && (head[3] & 0xff) == 0xe0
                && new String(head, 6, 5, StandardCharsets.ISO_8859_1).equals("JFIF\0");
        return jfif ? head[11] + "." + String.format("%02d", head[12]) : null;
    }
}
