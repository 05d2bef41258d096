-- an archive export's files are removed from disk coop.archive.keep-exports after it finished; its record stays,
-- saying when its files were removed
ALTER TABLE archive_export ADD COLUMN removed_at timestamptz;
