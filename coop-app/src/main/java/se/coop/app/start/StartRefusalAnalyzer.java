package se.coop.app.start;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Says why Coop did not start in one sentence, and what to do: for Coop's own refusals ({@link StartRefused}), a
 * database Coop cannot reach or sign in to, and a file it cannot read (a key, its data directory). Spring Boot prints
 * the two instead of the exception that carried them through several layers of bean creation. Registered in
 * {@code META-INF/spring.factories}; anything else is left to Spring Boot's own analyzers.
 */
public class StartRefusalAnalyzer implements FailureAnalyzer {

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
        SQLException database = databaseUnreachable(failure);
        if (database != null) {
            return new FailureAnalysis(
                    "Coop cannot use its database at " + datasourceUrl() + ": " + firstLine(database.getMessage()),
                    "Start PostgreSQL there, or correct SPRING_DATASOURCE_URL (and SPRING_DATASOURCE_USERNAME,"
                            + " SPRING_DATASOURCE_PASSWORD); without SPRING_DATASOURCE_URL Coop starts its own embedded"
                            + " PostgreSQL with its data under coop.data-dir (./data).",
                    failure);
        }
        FileSystemException file = find(failure, FileSystemException.class);
        if (file != null) {
            return unreadable(file.getFile(), describe(file), failure);
        }
        FileNotFoundException missing = find(failure, FileNotFoundException.class);
        if (missing != null) {
            return unreadable(null, firstLine(missing.getMessage()), failure);
        }
        return null;
    }

    private static FailureAnalysis unreadable(String path, String reason, Throwable failure) {
        return new FailureAnalysis(
                "Coop cannot use " + (path == null ? "a file it needs" : path) + ": " + reason,
                "Make it readable (and, for the data directory, writable) by the user running Coop ("
                        + System.getProperty("user.name") + "), or point the setting that names it elsewhere: a key's"
                        + " spring.security.oauth2.resourceserver.jwt.public-key-location, the data's coop.data-dir.",
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

    /** The database's refusal: no server listening, no such host, no such database, or the sign-in refused. */
    private static SQLException databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                boolean unreachable =
                        find(sql, ConnectException.class) != null || find(sql, UnknownHostException.class) != null;
                if (unreachable || state.startsWith("08") || state.equals("3D000") || state.startsWith("28")) {
                    return sql;
                }
            }
        }
        return null;
    }

    private String datasourceUrl() {
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        return url == null || url.isBlank() ? "(the embedded default)" : url;
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
