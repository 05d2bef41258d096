package se.coop.query.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether each read model is being rebuilt, kept in PostgreSQL so every node agrees. While one is, its queries answer
 * from the copy it had before the rebuild (its {@code _previous} tables) and say so with {@code Coop-Rebuilding}.
 */
@Component
public class ProjectionStates {

    public static final String PREVIOUS = "_previous";

    /** The rebuild target between the copy and the reset: the replay has not begun, so it cannot have caught up. */
    public static final long TARGET_NOT_YET = -1;

    /** How long a node trusts what it read; measured on the monotonic timer, not on Coop's (movable) clock. */
    private static final long FRESH_NANOS = Duration.ofMillis(250).toNanos();

    private record Cached(boolean rebuilding, long readAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ProjectionStates(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
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

    /** Whether any of the read models is being rebuilt (an answer drawn from several then says so). */
    public boolean anyRebuilding(List<String> projections) {
        return projections.stream().anyMatch(this::rebuilding);
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
     * Keeps a copy of the read model's tables for the queries — holding every event up to {@code copiedUpTo} — and marks
     * it as rebuilding, committed at once, before
     * anything is emptied; returns once every node's cached state has expired, so that every query reads the copy
     * and the reset that follows empties tables no query reads.
     */
    public void copyForRebuild(String projection, List<String> tables, long copiedUpTo) {
        transactions.executeWithoutResult(transaction -> {
            jdbc.queryForList("SELECT rebuilding FROM projection_state WHERE name = ? FOR UPDATE", projection);
            copy(tables);
            jdbc.update(
                    "UPDATE projection_state SET rebuilding = TRUE, rebuild_started_at = ?, rebuild_finished_at = NULL,"
                            + " rebuild_target = " + TARGET_NOT_YET + ", copied_up_to = ? WHERE name = ?",
                    java.sql.Timestamp.from(clock.instant()),
                    copiedUpTo,
                    projection);
        });
        forget(projection);
        try {
            // the wait is for other nodes' caches, which no event can announce
            Thread.sleep(Duration.ofNanos(FRESH_NANOS).toMillis() + 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rebuild of " + projection + " began", e);
        }
    }

    /**
     * Called from a read model's reset handler, in the transaction that resets its tokens: empties its tables for the
     * replay and marks the read model as rebuilding up to the store's head, keeping a copy of the tables for the
     * queries first unless {@link #copyForRebuild} has made one.
     */
    public void startRebuild(String projection, List<String> tables) {
        List<Boolean> copied = jdbc.queryForList(
                "SELECT rebuilding FROM projection_state WHERE name = ? FOR UPDATE", Boolean.class, projection);
        if (copied.isEmpty() || !copied.get(0)) {
            copy(tables);
            // made here, without the processor's positions at hand: what the copy holds is not known
            jdbc.update("UPDATE projection_state SET copied_up_to = NULL WHERE name = ?", projection);
        }
        for (String table : tables) {
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

    private void copy(List<String> tables) {
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + table + PREVIOUS);
            jdbc.execute("CREATE TABLE " + table + PREVIOUS + " AS TABLE " + table);
        }
    }

    /**
     * Whether the read model's queries show every event up to {@code position}, as far as its rebuild goes: always when
     * it is not being rebuilt; while it is, only when the copy they read was made with that position processed.
     * (Whether the read model itself has processed the position is the token's to say.)
     */
    public boolean copyShows(String projection, long position) {
        if (!rebuilding(projection)) {
            return true;
        }
        Long copied =
                jdbc.queryForObject("SELECT copied_up_to FROM projection_state WHERE name = ?", Long.class, projection);
        return copied != null && copied >= position;
    }

    /** The head of the event store when the rebuild began: the replay is done once every segment is past it. */
    public long rebuildTarget(String projection) {
        Long target = jdbc.queryForObject(
                "SELECT rebuild_target FROM projection_state WHERE name = ?", Long.class, projection);
        return target == null ? 0 : target;
    }

    /**
     * The replay has caught up (or the rebuild could not begin): queries read the tables again. The previous copy
     * stays a little longer
     * ({@link #dropPrevious}): a query that read the state just before may still be about to read it.
     */
    public void finishRebuild(String projection) {
        jdbc.update(
                "UPDATE projection_state SET rebuilding = FALSE, rebuild_finished_at = ? WHERE name = ?",
                java.sql.Timestamp.from(clock.instant()),
                projection);
        forget(projection);
    }

    /**
     * Drops the previous copy of a rebuilt read model, unless a new rebuild has begun meanwhile (which made a copy of
     * its own): its state row is locked, as the new rebuild's reset locks it.
     */
    public void dropPrevious(String projection, List<String> tables) {
        transactions.executeWithoutResult(transaction -> {
            List<Boolean> rebuilding = jdbc.queryForList(
                    "SELECT rebuilding FROM projection_state WHERE name = ? FOR UPDATE", Boolean.class, projection);
            if (!rebuilding.isEmpty() && rebuilding.get(0)) {
                return;
            }
            for (String table : tables) {
                jdbc.execute("DROP TABLE IF EXISTS " + table + PREVIOUS);
            }
        });
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
