-- Checkpoints of every event stream (docs/audit.md): the signed document as issued, and the head of each stream it
-- covered (its leaf: the stream, the sequence number of its last event then, that event's chain hash), in the order of
-- the Merkle tree's leaves, so that a proof for one stream and a verification against the store can be made later.
CREATE TABLE checkpoint (
    checkpoint_id uuid PRIMARY KEY,
    -- its event's sequence number in the checkpoints' own stream: checkpoints in the order they were taken
    sequence_number bigint NOT NULL UNIQUE,
    taken_at timestamptz NOT NULL,
    requested_by text NOT NULL,
    document text NOT NULL
);

CREATE TABLE checkpoint_stream (
    checkpoint_id uuid NOT NULL REFERENCES checkpoint (checkpoint_id),
    leaf_index integer NOT NULL,
    aggregate_id text NOT NULL,
    sequence_number bigint NOT NULL,
    chain_hash bytea NOT NULL,
    PRIMARY KEY (checkpoint_id, leaf_index),
    UNIQUE (checkpoint_id, aggregate_id)
);
-- the checkpoints that cover a stream (a dossier's proof is in the latest of them)
CREATE INDEX checkpoint_stream_of ON checkpoint_stream (aggregate_id);
