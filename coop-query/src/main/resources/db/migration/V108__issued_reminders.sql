-- The reminders issued are a read model of their own ("reminders"), no longer part of the reviews read model: its
-- table keeps its rows under a name of its own. Its processor starts from the beginning of the store and finds every
-- reminder listed already (a reminder is listed once).
ALTER TABLE review_reminder RENAME TO issued_reminder;
ALTER INDEX review_reminder_pkey RENAME TO issued_reminder_pkey;
ALTER INDEX review_reminder_review RENAME TO issued_reminder_review;
ALTER INDEX review_reminder_recipient RENAME TO issued_reminder_recipient;
ALTER INDEX review_reminder_issued RENAME TO issued_reminder_issued;
-- a copy kept by a rebuild of the reviews read model that was under way: the reviews read model no longer has it
DROP TABLE IF EXISTS review_reminder_previous;
INSERT INTO projection_state (name) VALUES ('reminders') ON CONFLICT (name) DO NOTHING;
