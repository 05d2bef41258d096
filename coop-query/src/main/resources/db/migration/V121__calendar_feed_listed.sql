-- calendar feeds a secretariat or an operator can list and revoke: each by an id of its own (the token stays secret),
-- who made it, and when it was last read. Feeds made before are listed with no maker ("made before Coop kept it").
ALTER TABLE calendar_feed ADD COLUMN feed_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE calendar_feed ADD CONSTRAINT calendar_feed_id UNIQUE (feed_id);
ALTER TABLE calendar_feed ADD COLUMN created_by text;
ALTER TABLE calendar_feed ADD COLUMN last_used_at timestamp with time zone;
