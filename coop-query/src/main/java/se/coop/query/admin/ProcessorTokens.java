package se.coop.query.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each read model's tracking tokens, per segment: from this node's processor where it holds the segment (always
 * current), else from the token store (which other nodes update as they process).
 */
@Component
class ProcessorTokens {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    ProcessorTokens(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    /** The position a token stands at: during a replay, the replay's own. */
    static TrackingToken current(TrackingToken token) {
        return token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
    }

    /** The position up to which every segment has processed every event: below its lowest token and its gaps. */
    static long processedUpTo(Map<Integer, TrackingToken> bySegment) {
        long upTo = Long.MAX_VALUE;
        for (TrackingToken token : bySegment.values()) {
            TrackingToken current = current(token);
            long processed;
            if (current instanceof GapAwareTrackingToken gapAware) {
                processed = gapAware.getGaps().isEmpty()
                        ? gapAware.getIndex()
                        : Math.min(gapAware.getIndex(), gapAware.getGaps().first() - 1);
            } else {
                processed = current == null ? -1 : current.position().orElse(-1);
            }
            upTo = Math.min(upTo, processed);
        }
        return upTo == Long.MAX_VALUE ? -1 : upTo;
    }

    Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    /** Segment id to its token; a segment never claimed yet has no token. */
    Map<Integer, TrackingToken> tokens(String name) {
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        jdbc.query(
                "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?",
                rs -> {
                    byte[] token = rs.getBytes("token");
                    tokens.put(
                            rs.getInt("segment"),
                            token == null
                                    ? null
                                    : serializer.deserialize(new SimpleSerializedObject<>(
                                            token, byte[].class, rs.getString("token_type"), null)));
                },
                name);
        processor(name)
                .map(StreamingEventProcessor::processingStatus)
                .ifPresent(local -> local.forEach((segment, status) -> tokens.put(segment, status.getTrackingToken())));
        return tokens;
    }
}
