-- A reminder's id names its plan, offset and time: a council report's plan carries the party id (up to 64 characters),
-- which made ids longer than 100 characters (found by AcceptedInputTest). Room for the longest.
ALTER TABLE review_reminder ALTER COLUMN reminder_id TYPE VARCHAR(300);
ALTER TABLE reminder_delivery ALTER COLUMN reminder_id TYPE VARCHAR(300);
