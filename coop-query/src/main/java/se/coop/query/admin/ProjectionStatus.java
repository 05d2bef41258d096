package se.coop.query.admin;

/**
 * Where one read model stands: the global position it has processed up to, the head of the event store, the lag
 * between them, whether it is being rebuilt and how far (percent), and the events parked in its dead-letter queue.
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
        String lastDeadLetterCause) {}
