package se.coop.query.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.query.support.ReadModel;

/**
 * Waits until every read model has processed a given global position, the one a command answered with
 * ({@code Coop-Min-Position}). The event at that position belongs to one agreement, so each read model's segment for
 * that agreement is watched: its token covers the position once the event is processed. Reading this node's
 * processors costs no query; other nodes' progress is read from the token store.
 */
@Component
public class ReadYourWrites {

    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

    private final List<ReadModel> readModels;
    private final Tokens tokens;
    private final JdbcTemplate jdbc;

    ReadYourWrites(List<ReadModel> readModels, Tokens tokens, JdbcTemplate jdbc) {
        this.readModels = List.copyOf(readModels);
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    /** @return whether every read model reached {@code position} within {@code patience} */
    public boolean await(long position, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        String aggregate = null;
        while (true) {
            if (aggregate == null) {
                List<String> owner = jdbc.queryForList(
                        "SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = ?",
                        String.class,
                        position);
                if (!owner.isEmpty()) {
                    aggregate = owner.get(0);
                } else if (position <= head()) {
                    return true;
                }
            }
            if (aggregate != null && reachedEverywhere(aggregate, position)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private boolean reachedEverywhere(String aggregate, long position) {
        for (ReadModel readModel : readModels) {
            Map<Integer, TrackingToken> bySegment = tokens.tokens(readModel.name());
            int[] ids = bySegment.keySet().stream().mapToInt(Integer::intValue).toArray();
            if (ids.length == 0) {
                return false;
            }
            for (Segment segment : Segment.computeSegments(ids)) {
                if (segment.matches(aggregate)) {
                    TrackingToken token = bySegment.get(segment.getSegmentId());
                    if (!processed(token, position)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether the token is past {@code position} and did not skip it as a gap still to be filled. */
    static boolean processed(TrackingToken token, long position) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
