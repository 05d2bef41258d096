package se.coop.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.readmodel.ReadModel;

/**
 * Where each read model stands, and its rebuild: reset to the start of the event store and replayed, while queries
 * answer from the copy it had before. A rebuild is done once no segment replays any more; then its previous copy goes.
 */
@Component
public class ProjectionAdmin implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    /** How long the previous copy outlives a rebuild: well beyond how long a node trusts its cached state (250 ms). */
    static final Duration PREVIOUS_KEPT = Duration.ofSeconds(2);

    private final List<ReadModel> readModels;
    private final ProcessorTokens tokens;
    private final ProjectionStates states;
    private final JdbcTemplate jdbc;
    private final ProcessorStalls stalls;
    private final DirectReplay replay;
    private ScheduledExecutorService watcher;

    ProjectionAdmin(
            List<ReadModel> readModels,
            ProcessorTokens tokens,
            ProjectionStates states,
            JdbcTemplate jdbc,
            ProcessorStalls stalls,
            DirectReplay replay,
            MeterRegistry meters) {
        this.replay = replay;
        this.readModels = List.copyOf(readModels);
        this.tokens = tokens;
        this.states = states;
        this.jdbc = jdbc;
        this.stalls = stalls;
        Gauge.builder("coop.processors.stalled", () -> stalls.stalled().size())
                .description("Event processors on this node retrying a batch they cannot get past")
                .register(meters);
        for (ReadModel readModel : this.readModels) {
            Gauge.builder("coop.projection.lag", () -> status(readModel).lag())
                    .description("Events in the store that the read model has not processed yet")
                    .tag("projection", readModel.name())
                    .register(meters);
        }
    }

    public List<ProjectionStatus> status() {
        return readModels.stream().map(this::status).toList();
    }

    /**
     * Resets the read model and replays it from the first event ({@link DirectReplay}, then its processor); queries
     * keep answering from the previous copy.
     */
    public synchronized void rebuild(String name) {
        ReadModel readModel = readModel(name);
        StreamingEventProcessor processor = tokens.processor(readModel.name())
                .orElseThrow(() -> new IllegalStateException("no event processor for read model " + name));
        if (replay.replaying(name) || states.rebuildingNow(name)) {
            throw new CoopProblem(ErrorCode.WRONG_STATE, "Read model '" + name + "' is already being rebuilt.");
        }
        log.info("Rebuilding read model {}", name);
        processor.shutDown();
        try {
            states.copyForRebuild(name, readModel.tables(), ProcessorTokens.processedUpTo(tokens.tokens(name)));
            processor.resetTokens();
        } catch (RuntimeException e) {
            switchBack(readModel);
            processor.start();
            throw e;
        }
        replay.replay(name, processor);
    }

    /**
     * QuerySender read the read model's own tables again; its previous copy goes a moment later, when no node's query can
     * still be about to read it.
     */
    private void switchBack(ReadModel readModel) {
        String name = readModel.name();
        readModel.rebuilt();
        states.finishRebuild(name);
        watcher.schedule(
                () -> {
                    try {
                        states.dropPrevious(name, readModel.tables());
                    } catch (RuntimeException e) {
                        log.warn("Could not drop the previous copy of read model {}: {}", name, e.toString());
                    }
                },
                PREVIOUS_KEPT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private ReadModel readModel(String name) {
        return readModels.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new CoopProblem(ErrorCode.NOT_FOUND, "There is no read model '" + name + "'."));
    }

    ProjectionStatus status(ReadModel readModel) {
        String name = readModel.name();
        Map<Integer, TrackingToken> bySegment = tokens.tokens(name);
        long head = head();
        long position = bySegment.isEmpty()
                ? 0
                : bySegment.values().stream()
                        .mapToLong(t -> t == null ? 0 : t.position().orElse(0))
                        .min()
                        .orElse(0);
        boolean rebuilding = states.rebuilding(name);
        int progress = rebuilding ? progress(bySegment, states.rebuildTarget(name)) : 100;
        long deadLetters = jdbc.queryForObject(
                "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class, name);
        String cause = deadLetters == 0
                ? null
                : jdbc
                        .queryForList(
                                "SELECT cause_type || ': ' || COALESCE(cause_message, '') FROM dead_letter_entry"
                                        + " WHERE processing_group = ? AND cause_type IS NOT NULL"
                                        + " ORDER BY enqueued_at DESC LIMIT 1",
                                String.class,
                                name)
                        .stream()
                        .findFirst()
                        .orElse(null);
        ProcessorStalls.ProcessorState here = stalls.state(name);
        return new ProjectionStatus(
                name,
                position,
                head,
                Math.max(0, head - position),
                rebuilding,
                progress,
                bySegment.size(),
                deadLetters,
                cause,
                here.stalled(),
                here.error());
    }

    /** How far the slowest segment has replayed towards the head the rebuild began at. */
    private static int progress(Map<Integer, TrackingToken> bySegment, long target) {
        if (target == ProjectionStates.TARGET_NOT_YET) {
            return 0;
        }
        if (target <= 0) {
            return 100;
        }
        long slowest = bySegment.values().stream()
                .mapToLong(t -> t == null ? 0 : t.position().orElse(0))
                .min()
                .orElse(0);
        return (int) Math.min(100, Math.floor(100.0 * slowest / target));
    }

    /**
     * Whether a segment has yet to replay up to where it stood when reset. (Axon calls a segment replaying until it
     * sees an event beyond that point, which may never come on an idle store; the position says when it caught up.)
     */
    private static boolean behindResetPosition(TrackingToken token) {
        if (token == null || !ReplayToken.isReplay(token)) {
            return false;
        }
        OptionalLong reset = ReplayToken.getTokenAtReset(token);
        OptionalLong current = token.position();
        return reset.isPresent() && (current.isEmpty() || current.getAsLong() < reset.getAsLong());
    }

    long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** Ends the rebuilds whose replay has caught up (on whichever node notices first). */
    void finishCaughtUpRebuilds() {
        for (ReadModel readModel : readModels) {
            String name = readModel.name();
            if (!states.rebuilding(name) || replay.replaying(name)) {
                // a direct replay on this node is done when it has handed the read model back to its processor
                continue;
            }
            long target = states.rebuildTarget(name);
            if (target == ProjectionStates.TARGET_NOT_YET) {
                continue;
            }
            Map<Integer, TrackingToken> all = tokens.tokens(name);
            boolean replaying = all.values().stream().anyMatch(ProjectionAdmin::behindResetPosition)
                    || all.values().stream()
                            .anyMatch(t -> t == null || t.position().orElse(0) < target);
            if (!replaying && !all.isEmpty()) {
                switchBack(readModel);
                log.info("Read model {} rebuilt: every segment past {} ({})", name, target, all);
            }
        }
    }

    @Override
    public void start() {
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "coop-rebuild-watcher");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(
                () -> {
                    try {
                        finishCaughtUpRebuilds();
                    } catch (RuntimeException e) {
                        log.warn("Could not check the progress of rebuilds: {}", e.toString());
                    }
                },
                250,
                250,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null && !watcher.isShutdown();
    }
}
