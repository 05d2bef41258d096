-- Who acted for whom (issue 27): the parties the user who recorded an entry belongs to, ids separated by commas, from
-- the event's actorParties metadata. Null for a user of no party (a joint secretariat), for Coop's own timers, and for
-- events recorded before users belonged to parties.
ALTER TABLE history_entry ADD COLUMN actor_parties TEXT;
