-- Read models (coop-query). Each is rebuilt from the events at will; none is a source of truth.

-- Whether a read model is being rebuilt: queries then answer from its previous copy (the *_previous tables).
CREATE TABLE projection_state (
    name                VARCHAR(100) PRIMARY KEY,
    rebuilding          BOOLEAN                  NOT NULL DEFAULT FALSE,
    rebuild_target      BIGINT,
    rebuild_started_at  TIMESTAMP WITH TIME ZONE,
    rebuild_finished_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO projection_state (name) VALUES ('status'), ('history'), ('reviews');

-- status: one row per agreement; the fold's state as JSON, and the columns the list filters on.
CREATE TABLE agreement_status (
    agreement_id     VARCHAR(36) PRIMARY KEY,
    version          BIGINT      NOT NULL,
    created_position BIGINT      NOT NULL,
    state            VARCHAR(30) NOT NULL,
    party_ids        TEXT[]      NOT NULL,
    countries        TEXT[]      NOT NULL,
    focus_areas      TEXT[]      NOT NULL,
    search_text      TEXT        NOT NULL,
    fold             JSONB       NOT NULL
);
CREATE INDEX agreement_status_created ON agreement_status (created_position DESC);

-- history: every event of an agreement in plain words, in Swedish and English.
CREATE TABLE history_entry (
    event_id     VARCHAR(255) PRIMARY KEY,
    agreement_id VARCHAR(36)  NOT NULL,
    position     BIGINT       NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    type         VARCHAR(100) NOT NULL,
    summary_sv   TEXT         NOT NULL,
    summary_en   TEXT         NOT NULL,
    actor        VARCHAR(200),
    role         VARCHAR(50),
    party_id     VARCHAR(64),
    reference    VARCHAR(300)
);
CREATE INDEX history_entry_agreement ON history_entry (agreement_id, position);

-- what the wording needs to know of each agreement: its kind and its parties' names
CREATE TABLE history_agreement (
    agreement_id VARCHAR(36) PRIMARY KEY,
    kind         VARCHAR(40) NOT NULL,
    parties      JSONB       NOT NULL
);

-- reviews: meetings and the agreements they belong to
CREATE TABLE review_agreement (
    agreement_id        VARCHAR(36) PRIMARY KEY,
    title               JSONB       NOT NULL,
    state               VARCHAR(30) NOT NULL,
    party_ids           TEXT[]      NOT NULL,
    lead_party_id       VARCHAR(64) NOT NULL,
    reminder_offsets    INTEGER[]   NOT NULL,
    last_sequence       BIGINT      NOT NULL
);

CREATE TABLE review_meeting (
    review_id        VARCHAR(36)  PRIMARY KEY,
    agreement_id     VARCHAR(36)  NOT NULL,
    kind             VARCHAR(30)  NOT NULL,
    title            VARCHAR(300),
    status           VARCHAR(20)  NOT NULL,
    starts_at        TIMESTAMP WITH TIME ZONE,
    starts_at_offset VARCHAR(10),
    held_on          DATE,
    location         VARCHAR(300),
    reviewers        JSONB        NOT NULL,
    reviewer_emails  TEXT[]       NOT NULL,
    outcome_summary  TEXT,
    outcome_decision VARCHAR(20),
    revision         INTEGER      NOT NULL,
    last_sequence    BIGINT       NOT NULL
);
CREATE INDEX review_meeting_agreement ON review_meeting (agreement_id);
CREATE INDEX review_meeting_starts ON review_meeting (starts_at);
CREATE INDEX review_meeting_held ON review_meeting (held_on);

-- reminders issued for meetings (filled from the reminder streams)
CREATE TABLE review_reminder (
    reminder_id  VARCHAR(100) PRIMARY KEY,
    review_id    VARCHAR(36)  NOT NULL,
    agreement_id VARCHAR(36)  NOT NULL,
    recipient    VARCHAR(320) NOT NULL,
    offset_days  INTEGER      NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    delivery     VARCHAR(30)  NOT NULL
);
CREATE INDEX review_reminder_review ON review_reminder (review_id);
