-- The contact register (docs/decisions/0007): the one place reviewers' and reminder recipients' e-mail addresses are
-- kept. Events refer to a contact by its random id. An erased contact keeps its row, without its address, so the events
-- that refer to it still name something; a live address belongs to one contact only (compared without case).
CREATE TABLE contact (
    contact_id   uuid PRIMARY KEY,
    email        text,
    created_at   timestamptz NOT NULL,
    corrected_at timestamptz,
    erased_at    timestamptz,
    CONSTRAINT contact_erased_has_no_address CHECK ((email IS NULL) = (erased_at IS NOT NULL))
);
CREATE UNIQUE INDEX contact_live_email ON contact (lower(email)) WHERE email IS NOT NULL;
