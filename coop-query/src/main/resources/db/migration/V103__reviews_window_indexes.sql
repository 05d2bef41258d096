-- The reviews window: a meeting's day in business time (Europe/Stockholm, as the query computes it), so a week of
-- meetings is read from an index instead of every meeting; party and reviewer filters on their arrays (GIN, @>).
CREATE INDEX review_meeting_day
    ON review_meeting ((COALESCE((starts_at AT TIME ZONE 'Europe/Stockholm')::date, held_on)));
CREATE INDEX review_meeting_reviewer_emails ON review_meeting USING gin (reviewer_emails);
CREATE INDEX review_agreement_party_ids ON review_agreement USING gin (party_ids);
