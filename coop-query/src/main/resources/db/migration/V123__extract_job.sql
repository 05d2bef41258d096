-- a heavy extract (a dossier as PDF, an archive package) made in the background for the reader who asked for it, when
-- it is too large to answer in coop.extracts.answer-within; its file is kept in extract_chunk (1 MiB each, so every
-- node serves it, as documents are kept) and removed coop.extracts.keep after it finished; the record stays
CREATE TABLE extract_job (
    job_id       uuid PRIMARY KEY,
    -- the order jobs were asked for in, whatever the clock says
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    kind         text NOT NULL,
    agreement_id text NOT NULL,
    requested_by text NOT NULL,
    state        text NOT NULL,
    done         integer NOT NULL DEFAULT 0,
    total        integer NOT NULL,
    node         text NOT NULL,
    file_name    text NOT NULL,
    media_type   text NOT NULL,
    size         bigint,
    sha256       text,
    error        text,
    requested_at timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    removed_at   timestamptz
);
CREATE INDEX extract_job_by_reader ON extract_job (requested_by, requested_at DESC);

CREATE TABLE extract_chunk (
    job_id uuid    NOT NULL REFERENCES extract_job (job_id),
    n      integer NOT NULL,
    bytes  bytea   NOT NULL,
    PRIMARY KEY (job_id, n)
);
