-- The parties that still owe an agreement a decision, a signature or an amendment's approval (issue 27: the register's
-- "to do for my parties"), written with each status row (Owed, in coop-api). Null until a row is written again: the
-- rows written before this migration are filled at start-up (StatusOwingBackfill) and by a rebuild.
ALTER TABLE agreement_status ADD COLUMN owing_party_ids TEXT[];
CREATE INDEX agreement_status_owing ON agreement_status USING gin (owing_party_ids);
