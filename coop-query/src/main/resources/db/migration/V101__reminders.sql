-- Reminders as the reviews read model shows them: one row per reminder and recipient (rebuilt from the events).
ALTER TABLE review_reminder DROP CONSTRAINT review_reminder_pkey;
ALTER TABLE review_reminder DROP COLUMN delivery;
ALTER TABLE review_reminder ALTER COLUMN review_id DROP NOT NULL;
ALTER TABLE review_reminder ALTER COLUMN recipient DROP NOT NULL;
ALTER TABLE review_reminder ADD COLUMN recipient_key VARCHAR(400) NOT NULL DEFAULT '';
ALTER TABLE review_reminder ADD COLUMN recipient_name VARCHAR(300);
ALTER TABLE review_reminder ADD COLUMN subject VARCHAR(30) NOT NULL DEFAULT 'MEETING';
ALTER TABLE review_reminder ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_reminder ADD PRIMARY KEY (reminder_id, recipient_key);
CREATE INDEX review_reminder_recipient ON review_reminder (recipient, issued_at);
CREATE INDEX review_reminder_issued ON review_reminder (issued_at);

-- The lead party's country decides a meeting's time zone in calendars (Europe/Copenhagen for a Danish lead).
ALTER TABLE review_agreement ADD COLUMN lead_country VARCHAR(2) NOT NULL DEFAULT 'SE';

-- Delivery of reminders by e-mail: state of a side effect, not a read model, so it is never rebuilt or replayed.
CREATE TABLE reminder_delivery (
    reminder_id     VARCHAR(200) NOT NULL,
    recipient_key   VARCHAR(400) NOT NULL,
    recipient       VARCHAR(320),
    recipient_name  VARCHAR(300),
    agreement_id    VARCHAR(36)  NOT NULL,
    review_id       VARCHAR(36),
    subject         VARCHAR(30)  NOT NULL,
    offset_days     INTEGER      NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE,
    location        VARCHAR(300),
    title           VARCHAR(300),
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000),
    delivered_at    TIMESTAMP WITH TIME ZONE,
    digest_id       VARCHAR(36),
    PRIMARY KEY (reminder_id, recipient_key)
);
CREATE INDEX reminder_delivery_due ON reminder_delivery (status, next_attempt_at);

-- One digest per recipient per day: what was sent, when, and to whom.
CREATE TABLE reminder_digest (
    digest_id     VARCHAR(36)  PRIMARY KEY,
    recipient     VARCHAR(320) NOT NULL,
    digest_day    DATE         NOT NULL,
    items         INTEGER      NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivery      VARCHAR(20)  NOT NULL
);
CREATE INDEX reminder_digest_recipient_day ON reminder_digest (recipient, digest_day);

-- Calendar feeds: a secret, revocable token per reviewer; only its SHA-256 is stored.
CREATE TABLE calendar_feed (
    token_sha256 CHAR(64)     PRIMARY KEY,
    reviewer     VARCHAR(320) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
