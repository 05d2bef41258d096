-- The party register: the organisations agreements are made between. Seeded at start-up from parties/register.csv
-- (source names the published list, added_by is null); organisations a secretariat adds carry added_by and added_at.
-- search_text is every name, the id and the official code in lower case without accents (PartyId.fold), which a
-- search compares with.
CREATE TABLE party_register (
    party_id      text PRIMARY KEY,
    kind          text NOT NULL,
    country       text NOT NULL,
    official_code text,
    name_sv       text NOT NULL,
    name_da       text NOT NULL,
    name_en       text NOT NULL,
    board_names   text[] NOT NULL,
    search_text   text NOT NULL,
    source        text NOT NULL,
    added_by      text,
    added_at      timestamptz
);
