-- The reminders issued are a read model of their own ("reminders"), no longer part of the reviews read model: its
-- table keeps its rows under a name of its own.
ALTER TABLE review_reminder RENAME TO issued_reminder;
ALTER INDEX review_reminder_pkey RENAME TO issued_reminder_pkey;
ALTER INDEX review_reminder_review RENAME TO issued_reminder_review;
ALTER INDEX review_reminder_recipient RENAME TO issued_reminder_recipient;
ALTER INDEX review_reminder_issued RENAME TO issued_reminder_issued;
-- a copy kept by a rebuild of the reviews read model that was under way: the reviews read model no longer has it
DROP TABLE IF EXISTS review_reminder_previous;
INSERT INTO projection_state (name) VALUES ('reminders') ON CONFLICT (name) DO NOTHING;
-- Its processor carries on where the reviews read model had come, which listed every reminder up to there: from the
-- lowest position of the reviews model's segments, with that segment's gaps (events not yet committed there). Were
-- the reviews model being rebuilt, or had it no position yet, the new processor starts from the beginning of the
-- store instead and finds every reminder listed already (a reminder is listed once).
INSERT INTO token_entry (processor_name, segment, token, token_type, time_stamp, owner)
SELECT 'reminders', 0, token, token_type, time_stamp, NULL
FROM token_entry
WHERE processor_name = 'reviews'
  AND NOT EXISTS (SELECT 1 FROM token_entry other
                  WHERE other.processor_name = 'reviews'
                    AND other.token_type IS DISTINCT FROM 'org.axonframework.eventhandling.GapAwareTrackingToken')
ORDER BY (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint
LIMIT 1;
