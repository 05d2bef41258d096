package se.coop.query.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
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
