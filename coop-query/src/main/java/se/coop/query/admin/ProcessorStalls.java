package se.coop.query.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Which event processors on this node are stalled: a segment whose batch failed and is being retried (Axon waits
 * 1, 2, 4 … up to 60 seconds between attempts) moves no further until the cause is gone. With the dead-letter queue a
 * read model stalls only when even parking fails; reminder planning and delivery retry rather than skip. The health
 * check, the admin view and the gauge {@code coop_processors_stalled} all read this.
 */
@Component
public class ProcessorStalls {

    /** One event processor on this node: its segments here, and the error a stalled segment is retrying. */
    public record ProcessorState(String name, int segmentsHere, boolean stalled, String error) {}

    private final EventProcessingConfiguration processing;

    public ProcessorStalls(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Every event processor running on this node, by name. */
    public List<ProcessorState> processors() {
        List<ProcessorState> states = new ArrayList<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                states.add(state(streaming));
            }
        }
        states.sort(Comparator.comparing(ProcessorState::name));
        return states;
    }

    public List<ProcessorState> stalled() {
        return processors().stream().filter(ProcessorState::stalled).toList();
    }

    public ProcessorState state(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .map(ProcessorStalls::state)
                .orElse(new ProcessorState(name, 0, false, null));
    }

    private static ProcessorState state(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        String error = segments.values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(status -> describe(status.getError()))
                .findFirst()
                .orElse(null);
        return new ProcessorState(processor.getName(), segments.size(), error != null, error);
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == error ? String.valueOf(error) : error.getClass().getSimpleName() + ": " + root;
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
