package se.coop.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Coop running, as the build named it (the Maven project's version): what packages say made them. */
public final class CoopVersion {

    /** This build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String VERSION = read();

    private CoopVersion() {}

    private static String read() {
        try (InputStream in = CoopVersion.class.getResourceAsStream("coop-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("coop-version.properties is missing from coop-api");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank() || version.startsWith("@")) {
                throw new IllegalStateException("coop-version.properties was not filled in by the build: " + version);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
