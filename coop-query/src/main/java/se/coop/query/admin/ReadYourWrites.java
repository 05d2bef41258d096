package se.coop.query.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.readmodel.ReadModel;

/**
 * Waits until every read model has processed a given global position, the one a command answered with
 * ({@code Coop-Min-Position}): every segment's token is past it, with no event up to it left in a gap. Other nodes'
 * progress is read from the token store.
 */
@Component
public class ReadYourWrites {

    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

    private final List<ReadModel> readModels;
    private final ProcessorTokens tokens;
    private final ProjectionStates states;
    private final JdbcTemplate jdbc;
    private final Semaphore waiting;

    /** How long a read waits for its position at most. */
    public static final Duration PATIENCE = Duration.ofSeconds(5);

    ReadYourWrites(
            List<ReadModel> readModels,
            ProcessorTokens tokens,
            ProjectionStates states,
            JdbcTemplate jdbc,
            @Value("${coop.read-your-writes.max-waiting:32}") int maxWaiting) {
        this.readModels = List.copyOf(readModels);
        this.tokens = tokens;
        this.states = states;
        this.jdbc = jdbc;
        this.waiting = new Semaphore(maxWaiting);
    }

    /**
     * Waits at most {@link #PATIENCE} for {@code position}, as a read with {@code Coop-Min-Position} does: at most
     * {@code coop.read-your-writes.max-waiting} reads wait at once (so waiting readers never hold every request thread);
     * beyond that, the answer is whether the position is reached now.
     */
    public boolean awaitBounded(long position) {
        if (waiting.tryAcquire()) {
            try {
                return await(position, PATIENCE);
            } finally {
                waiting.release();
            }
        }
        return await(position, Duration.ZERO);
    }

    /** @return whether every read model reached {@code position} within {@code patience} */
    public boolean await(long position, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean stored = false;
        while (true) {
            if (!stored) {
                stored = !jdbc.queryForList(
                                "SELECT 1 FROM domain_event_entry WHERE global_index = ?", Integer.class, position)
                        .isEmpty();
                if (!stored && position <= head()) {
                    return true;
                }
            }
            if (stored && reachedEverywhere(position) && copiesShow(position)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Every segment of every read model has processed {@code position}: its token is past it, and no event up to it
     * that the segment handles is still a gap to be filled. (A gap nobody will fill — a rolled-back append — holds no
     * event and does not hold a read back.)
     */
    private boolean reachedEverywhere(long position) {
        for (ReadModel readModel : readModels) {
            Map<Integer, TrackingToken> bySegment = tokens.tokens(readModel.name());
            int[] ids = bySegment.keySet().stream().mapToInt(Integer::intValue).toArray();
            if (ids.length == 0) {
                return false;
            }
            for (Segment segment : Segment.computeSegments(ids)) {
                TrackingToken token = bySegment.get(segment.getSegmentId());
                if (!processed(token, position)) {
                    return false;
                }
                List<Long> gaps = gapsUpTo(token, position);
                if (!gaps.isEmpty() && holdsEventOf(segment, gaps)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Every read model being rebuilt answers from a copy that holds {@code position}: a copy made before it does not
     * show the event, however far the replay has come.
     */
    private boolean copiesShow(long position) {
        return readModels.stream().allMatch(readModel -> states.copyShows(readModel.name(), position));
    }

    private boolean holdsEventOf(Segment segment, List<Long> gaps) {
        List<String> aggregates = jdbc.queryForList(
                "SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = ANY(?)",
                String.class,
                (Object) gaps.toArray(Long[]::new));
        return aggregates.stream().anyMatch(segment::matches);
    }

    /** Whether the token is past {@code position} and did not skip it as a gap still to be filled. */
    static boolean processed(TrackingToken token, long position) {
        TrackingToken current = ProcessorTokens.current(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }

    /** The positions up to {@code position} the token skipped as gaps still to be filled. */
    static List<Long> gapsUpTo(TrackingToken token, long position) {
        if (ProcessorTokens.current(token) instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().stream().filter(gap -> gap <= position).toList();
        }
        return List.of();
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
