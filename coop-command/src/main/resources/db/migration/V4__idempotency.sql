-- The first answer to each Idempotency-Key, per user, so a retry (also after a restart) gets the same answer.
CREATE TABLE idempotent_request (
    principal       VARCHAR(200)             NOT NULL,
    idempotency_key VARCHAR(200)             NOT NULL,
    fingerprint     CHAR(64)                 NOT NULL,
    status          INTEGER                  NOT NULL,
    location        VARCHAR(1000),
    agreement_id    VARCHAR(36)              NOT NULL,
    created_id      VARCHAR(36),
    version         BIGINT                   NOT NULL,
    position        BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);
