-- A calendar feed is a reviewer's (by e-mail) or, from this version, a party's: exactly one of the two.
ALTER TABLE calendar_feed ALTER COLUMN reviewer DROP NOT NULL;
ALTER TABLE calendar_feed ADD COLUMN party_id VARCHAR(64);
ALTER TABLE calendar_feed ADD CONSTRAINT calendar_feed_owner CHECK ((reviewer IS NULL) <> (party_id IS NULL));
