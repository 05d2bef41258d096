-- The contact register (docs/decisions/0007): the one place reviewers' and reminder recipients' e-mail addresses are
-- kept. Events refer to a contact by its random id. An erased contact keeps its row, without its address, so the events
-- that refer to it still name something. A live address belongs to one contact only, compared by email_key: the
-- address in lower case as Java lowers it (Locale.ROOT; PostgreSQL's lower() leaves non-ASCII letters as they are
-- under the C locale).
CREATE TABLE contact (
    contact_id   uuid PRIMARY KEY,
    email        text,
    email_key    text,
    created_at   timestamptz NOT NULL,
    corrected_at timestamptz,
    erased_at    timestamptz,
    CONSTRAINT contact_erased_has_no_address
        CHECK ((email IS NULL) = (erased_at IS NOT NULL) AND (email IS NULL) = (email_key IS NULL))
);
CREATE UNIQUE INDEX contact_live_email ON contact (email_key) WHERE email_key IS NOT NULL;
