-- The history in Danish words beside Swedish and English (issue 27). Entries written before this read in Swedish
-- under lang=da until the history read model is rebuilt (docs/operating.md); the rebuild words every event in Danish.
ALTER TABLE history_entry ADD COLUMN summary_da TEXT;
