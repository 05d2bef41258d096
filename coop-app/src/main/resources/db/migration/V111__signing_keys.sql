-- Every key checkpoints were ever signed with (docs/audit.md): its public half (PEM) for anyone to check them, the
-- time it was first and last the installation's key; the private half only for a key Coop generated on the
-- zero-setup default (a configured key stays where it was configured).
CREATE TABLE signing_key (
    key_id text PRIMARY KEY,
    public_key text NOT NULL,
    private_key text,
    valid_from timestamptz NOT NULL,
    valid_until timestamptz
);
