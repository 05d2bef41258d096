package se.coop.query.admin;

/**
 * Where one read model stands: the global position it has processed up to, the head of the event store, the lag
 * between them, whether it is being rebuilt and how far (percent), the events parked in its dead-letter queue, and
 * whether its processor is stalled on this node (retrying a batch it cannot get past; {@code error} says why).
 */
public record ProjectionStatus(
        String name,
        long position,
        long head,
        long lag,
        boolean rebuilding,
        int progress,
        int segments,
        long deadLetters,
        String lastDeadLetterCause,
        boolean stalled,
        String error) {}
