-- Which agreements name which documents, and as what (the status read model writes it with agreement_status): the
-- document store asks it before letting someone read, remove or cull a document. A document an agreement names as
-- several kinds has a row per kind.
CREATE TABLE document_name (
    sha256       CHAR(64)    NOT NULL,
    agreement_id VARCHAR(36) NOT NULL,
    kind         VARCHAR(30) NOT NULL,
    PRIMARY KEY (sha256, agreement_id, kind)
);
CREATE INDEX document_name_agreement ON document_name (agreement_id);

-- What the status rows written before this version name: their text versions and attached documents (their kind, or
-- OTHER for documents attached before documents had kinds). No act named a document then.
INSERT INTO document_name (sha256, agreement_id, kind)
SELECT DISTINCT text.sha256, s.agreement_id, 'AGREEMENT_TEXT'
FROM agreement_status s, jsonb_array_elements_text(s.fold -> 'textVersions') AS text(sha256)
ON CONFLICT DO NOTHING;
INSERT INTO document_name (sha256, agreement_id, kind)
SELECT DISTINCT d ->> 'sha256', s.agreement_id, COALESCE(d ->> 'kind', 'OTHER')
FROM agreement_status s, jsonb_array_elements(s.fold -> 'documents') AS d
ON CONFLICT DO NOTHING;

-- A rebuild of the status read model under way: its queries read the copy made as it began, which gets its names too.
DO $$
BEGIN
    IF to_regclass('agreement_status_previous') IS NOT NULL THEN
        CREATE TABLE document_name_previous AS
        SELECT DISTINCT text.sha256, s.agreement_id, 'AGREEMENT_TEXT'::varchar(30) AS kind
        FROM agreement_status_previous s, jsonb_array_elements_text(s.fold -> 'textVersions') AS text(sha256)
        UNION
        SELECT DISTINCT d ->> 'sha256', s.agreement_id, COALESCE(d ->> 'kind', 'OTHER')
        FROM agreement_status_previous s, jsonb_array_elements(s.fold -> 'documents') AS d;
    END IF;
END
$$;
