-- Every key checkpoints were ever signed with (docs/audit.md), one row per period it was the installation's key: its
-- public half (PEM) for anyone to check them, from when and until when; the private half only for a key Coop
-- generated on the zero-setup default while it is in use (a configured key stays where it was configured).
CREATE TABLE signing_key (
    key_id text NOT NULL,
    public_key text NOT NULL,
    private_key text,
    valid_from timestamptz NOT NULL,
    valid_until timestamptz,
    PRIMARY KEY (key_id, valid_from)
);
