-- Which agreements link to an agreement (its successors, parts and annexes), found through the folds' links.
CREATE INDEX agreement_status_links ON agreement_status USING GIN ((fold -> 'links') jsonb_path_ops);
