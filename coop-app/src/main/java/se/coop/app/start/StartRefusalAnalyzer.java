package se.coop.app.start;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Says why Coop did not start in one sentence, and what to do: for Coop's own refusals ({@link StartRefused}), a
 * configured database Coop cannot reach or sign in to, and a file Coop is configured to use that it cannot (its data
 * directory, its token key). Spring Boot prints
 * the two instead of the exception that carried them through several layers of bean creation. Registered in
 * {@code META-INF/spring.factories}; anything else is left to Spring Boot's own analyzers.
 */
public class StartRefusalAnalyzer implements FailureAnalyzer {

    private static final Set<String> REFUSALS = Set.of("08001", "08004", "08006", "3D000", "28000", "28P01");

    private final Environment environment;

    /** Spring Boot hands over the failed application's environment (null when it failed before it had one). */
    public StartRefusalAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        StartRefused refused = find(failure, StartRefused.class);
        if (refused != null) {
            return new FailureAnalysis(refused.reason(), refused.action(), failure);
        }
        String url = configured("spring.datasource.url");
        SQLException database = url == null ? null : databaseUnreachable(failure);
        if (database != null) {
            return new FailureAnalysis(
                    "Coop cannot use its database at " + withoutSecrets(url) + ": " + firstLine(database.getMessage()),
                    "Start PostgreSQL there, or correct SPRING_DATASOURCE_URL (and SPRING_DATASOURCE_USERNAME,"
                            + " SPRING_DATASOURCE_PASSWORD); without SPRING_DATASOURCE_URL Coop starts its own embedded"
                            + " PostgreSQL with its data under coop.data-dir (./data).",
                    failure);
        }
        FileSystemException file = find(failure, FileSystemException.class);
        if (file != null && file.getFile() != null && isCoopsOwn(Path.of(file.getFile()))) {
            return unreadable(file.getFile(), describe(file), failure);
        }
        return null;
    }

    /** Whether the file is one Coop is configured to use: its data directory (or in it), or its token key. */
    private boolean isCoopsOwn(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String dataDir = configured("coop.data-dir");
        Path data =
                Path.of(dataDir == null ? "./data" : dataDir).toAbsolutePath().normalize();
        if (absolute.startsWith(data) || data.startsWith(absolute)) {
            return true;
        }
        String key = configured("spring.security.oauth2.resourceserver.jwt.public-key-location");
        return key != null
                && absolute.toString().endsWith(key.replaceFirst("^file:", "").replaceFirst("^\\./", ""));
    }

    private static FailureAnalysis unreadable(String path, String reason, Throwable failure) {
        return new FailureAnalysis(
                "Coop cannot use " + path + ": " + reason,
                "Make it readable (and, for the data directory, writable) by the user running Coop ("
                        + System.getProperty("user.name")
                        + "), or point the setting that names it elsewhere: the data's"
                        + " coop.data-dir, a key's spring.security.oauth2.resourceserver.jwt.public-key-location.",
                failure);
    }

    private static String describe(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "there is no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is there where a directory belongs";
        }
        return e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
    }

    /**
     * The database's refusal: no server listening, no such host, no connection (SQL states 08001, 08004, 08006), no such
     * database (3D000), or the sign-in refused (28000, 28P01).
     */
    private static SQLException databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                boolean unreachable =
                        find(sql, ConnectException.class) != null || find(sql, UnknownHostException.class) != null;
                if (unreachable || REFUSALS.contains(state)) {
                    return sql;
                }
            }
        }
        return null;
    }

    private String configured(String property) {
        String value = environment == null ? null : environment.getProperty(property);
        return value == null || value.isBlank() ? null : value;
    }

    /** The address without what may be secret: a password in its user part or its parameters. */
    static String withoutSecrets(String url) {
        return url.replaceAll("//[^/@]*@", "//").replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                return null;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
