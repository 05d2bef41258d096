package se.coop.query.support;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether each read model is being rebuilt, kept in PostgreSQL so every node agrees. While one is, its queries answer
 * from the copy it had before the rebuild (its {@code _previous} tables) and say so with {@code Coop-Rebuilding}.
 */
@Component
public class ProjectionStates {

    public static final String PREVIOUS = "_previous";

    /** How long a node trusts what it read; measured on the monotonic timer, not on Coop's (movable) clock. */
    private static final long FRESH_NANOS = Duration.ofMillis(250).toNanos();

    private record Cached(boolean rebuilding, long readAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ProjectionStates(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean rebuilding(String projection) {
        long now = System.nanoTime();
        Cached cached = cache.get(projection);
        if (cached == null || now - cached.readAt() > FRESH_NANOS) {
            List<Boolean> rows = jdbc.queryForList(
                    "SELECT rebuilding FROM projection_state WHERE name = ?", Boolean.class, projection);
            cached = new Cached(!rows.isEmpty() && rows.get(0), now);
            cache.put(projection, cached);
        }
        return cached.rebuilding();
    }

    /** Whether the read model is being rebuilt, read from the database now (not from what this node cached). */
    public boolean rebuildingNow(String projection) {
        forget(projection);
        return rebuilding(projection);
    }

    /** The table a query reads: the previous copy while the read model is rebuilt. */
    public String readTable(String projection, String table) {
        return rebuilding(projection) ? table + PREVIOUS : table;
    }

    /**
     * Called from a read model's reset handler, in the transaction that resets its tokens: keeps a copy of its tables
     * for the queries, empties them for the replay, and marks the read model as rebuilding.
     */
    public void startRebuild(String projection, List<String> tables) {
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + table + PREVIOUS);
            jdbc.execute("CREATE TABLE " + table + PREVIOUS + " AS TABLE " + table);
            jdbc.execute("TRUNCATE " + table);
        }
        jdbc.update(
                "UPDATE projection_state SET rebuilding = TRUE, rebuild_started_at = ?, rebuild_finished_at = NULL,"
                        + " rebuild_target = (SELECT COALESCE(max(global_index), 0) FROM domain_event_entry)"
                        + " WHERE name = ?",
                java.sql.Timestamp.from(clock.instant()),
                projection);
        forget(projection);
    }

    /** The head of the event store when the rebuild began: the replay is done once every segment is past it. */
    public long rebuildTarget(String projection) {
        Long target = jdbc.queryForObject(
                "SELECT rebuild_target FROM projection_state WHERE name = ?", Long.class, projection);
        return target == null ? 0 : target;
    }

    /** The replay has caught up: queries read the rebuilt tables again, and the previous copy goes. */
    public void finishRebuild(String projection, List<String> tables) {
        jdbc.update(
                "UPDATE projection_state SET rebuilding = FALSE, rebuild_finished_at = ? WHERE name = ?",
                java.sql.Timestamp.from(clock.instant()),
                projection);
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + table + PREVIOUS);
        }
        forget(projection);
    }

    /**
     * Forgets what is cached of a read model's state now and once the transaction that changed it commits: a query
     * running meanwhile reads the state as it was, and must not keep that for long.
     */
    private void forget(String projection) {
        cache.remove(projection);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.remove(projection);
                }
            });
        }
    }
}
