-- An operator's export of every archived agreement to e-archive packages: its progress, and each package written.
CREATE TABLE archive_export (
    export_id    UUID PRIMARY KEY,
    requested_by VARCHAR(200) NOT NULL,
    directory    TEXT NOT NULL,
    state        VARCHAR(16) NOT NULL,
    total        INTEGER NOT NULL,
    done         INTEGER NOT NULL DEFAULT 0,
    started_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    error        TEXT
);

-- one export runs at a time, across every node
CREATE UNIQUE INDEX archive_export_one_running ON archive_export ((true)) WHERE state = 'RUNNING';

CREATE TABLE archive_export_package (
    export_id    UUID NOT NULL REFERENCES archive_export (export_id) ON DELETE CASCADE,
    agreement_id VARCHAR(64) NOT NULL,
    file         TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       CHAR(64) NOT NULL,
    written_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (export_id, agreement_id)
);
