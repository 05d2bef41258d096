-- A stream a verification against a checkpoint found deleted whole: the register and the agreement's page say so
-- while it is missing, and its row of the status read model (kept here as it was when found) is put back after a
-- rebuild, which without its events would otherwise forget the agreement. A later verification that finds the stream
-- again removes the mark.
CREATE TABLE missing_stream (
    aggregate_id     text PRIMARY KEY,
    checkpoint_id    uuid NOT NULL,
    verification_id  uuid NOT NULL,
    covered_sequence bigint NOT NULL,
    found_at         timestamp with time zone NOT NULL,
    status_row       jsonb
);

-- Every download of a full store extract for a checkpoint (docs/audit.md): by whom, when, how much it held.
CREATE TABLE store_extract (
    extract_id    uuid PRIMARY KEY,
    checkpoint_id uuid NOT NULL,
    extracted_by  text NOT NULL,
    started_at    timestamp with time zone NOT NULL,
    finished_at   timestamp with time zone,
    streams       bigint,
    events        bigint
);
