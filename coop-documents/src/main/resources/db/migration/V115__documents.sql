-- The document store (coop-documents, docs/decisions/0008): every document by the SHA-256 of its bytes, the bytes in
-- chunks that each keep their own SHA-256, in Coop's own database so that one backup holds everything. Agreements name
-- documents by hash in their events; a row here says Coop holds (or, once culled, held) those bytes.
CREATE TABLE document (
    sha256            CHAR(64)     PRIMARY KEY,
    size              BIGINT       NOT NULL,
    media_type        VARCHAR(200) NOT NULL,
    -- what identifies the format's version where PRONOM tells versions apart: a PDF's header version, an ODF package's
    -- version, a JPEG's JFIF version (null where none is read)
    format_version    VARCHAR(20),
    file_name         VARCHAR(255),
    chunk_size        INTEGER      NOT NULL,
    chunks            INTEGER      NOT NULL,
    uploaded_by       VARCHAR(200) NOT NULL,
    uploaded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- PDFs only: PENDING until veraPDF has looked, then COMPLIANT, NOT_COMPLIANT, NOT_PDFA or UNDETERMINED
    pdfa_status       VARCHAR(20),
    pdfa_flavour      VARCHAR(10),
    pdfa_detail       TEXT,
    pdfa_checked_at   TIMESTAMP WITH TIME ZONE,
    -- the scrub: when every chunk was last found to match; where one did not (kept until a check finds it whole again)
    scrubbed_at       TIMESTAMP WITH TIME ZONE,
    damaged_at        TIMESTAMP WITH TIME ZONE,
    damage            TEXT,
    -- culled under the archive authority's decision: the chunks are gone, this row stays
    culled_at         TIMESTAMP WITH TIME ZONE,
    culled_by         VARCHAR(200),
    cull_decision     TEXT,
    cull_decided_on   DATE,
    CONSTRAINT document_culled_with_its_decision
        CHECK ((culled_at IS NULL) = (cull_decision IS NULL) AND (culled_at IS NULL) = (culled_by IS NULL))
);
CREATE INDEX document_pdfa_pending ON document (uploaded_at) WHERE pdfa_status = 'PENDING';
CREATE INDEX document_scrub_due ON document (scrubbed_at NULLS FIRST) WHERE culled_at IS NULL;

CREATE TABLE document_chunk (
    sha256       CHAR(64) NOT NULL REFERENCES document (sha256) ON DELETE CASCADE,
    chunk_no     INTEGER  NOT NULL,
    chunk_sha256 BYTEA    NOT NULL,
    bytes        BYTEA    NOT NULL,
    PRIMARY KEY (sha256, chunk_no)
);
-- stored as they come: documents are mostly compressed already (PDF, OOXML, ODF, PNG, JPEG)
ALTER TABLE document_chunk ALTER COLUMN bytes SET STORAGE EXTERNAL;
