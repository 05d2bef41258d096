package se.coop.api.proof;

import org.axonframework.serialization.Revision;

/**
 * A checkpoint taken, appended to the checkpoints' own stream ({@code coop-checkpoints}), so that checkpoints are
 * hash-chained like every other stream: deleting or changing one breaks that stream's chain.
 */
@Revision("1")
public record CheckpointRecorded(Checkpoint checkpoint) {}
