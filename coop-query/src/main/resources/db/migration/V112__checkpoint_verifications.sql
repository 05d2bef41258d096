-- A verification of the store against a checkpoint (docs/audit.md): its progress, kept in the database so that every
-- node shows it, and its result as JSON once done.
CREATE TABLE checkpoint_verification (
    verification_id uuid PRIMARY KEY,
    checkpoint_id uuid NOT NULL,
    requested_by text NOT NULL,
    state varchar(16) NOT NULL,
    total integer NOT NULL,
    done integer NOT NULL DEFAULT 0,
    started_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    finished_at timestamptz,
    result text,
    error text
);
CREATE INDEX checkpoint_verification_of ON checkpoint_verification (checkpoint_id, started_at);

-- one verification runs at a time, across every node
CREATE UNIQUE INDEX checkpoint_verification_one_running ON checkpoint_verification ((true)) WHERE state = 'RUNNING';
