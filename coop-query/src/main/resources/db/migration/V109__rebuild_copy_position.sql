-- While a read model is rebuilt, its queries read the copy made as the rebuild began: the position up to which every
-- segment had processed the events then, so that a read asking for a later position (Coop-Min-Position) is told the
-- copy cannot show it (Coop-Stale) instead of being answered without its own write. Null: not known.
ALTER TABLE projection_state ADD COLUMN copied_up_to BIGINT;
