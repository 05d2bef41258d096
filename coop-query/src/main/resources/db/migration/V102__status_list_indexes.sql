-- The list filters of the status read model: party, country and focus area are arrays (GIN, queried with @>),
-- state with the list's order, so a selective filter reads only its own rows.
CREATE INDEX agreement_status_parties ON agreement_status USING gin (party_ids);
CREATE INDEX agreement_status_countries ON agreement_status USING gin (countries);
CREATE INDEX agreement_status_focus_areas ON agreement_status USING gin (focus_areas);
CREATE INDEX agreement_status_state ON agreement_status (state, created_position DESC);
