package se.coop.api.document;

import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;

/** A stored chunk of a document no longer matches its SHA-256: what was being read of it stops here. */
public class DamagedDocument extends CoopProblem {

    private static final long serialVersionUID = 1L;

    /** A document already known to be damaged ({@code damage}: what the check found): nothing of it is sent. */
    public DamagedDocument(String sha256, StoredDocument.Damage damage) {
        super(
                ErrorCode.DOCUMENT_DAMAGED,
                "Document " + sha256 + " is damaged in the store (" + damage.detail() + ", found " + damage.foundAt()
                        + "): Coop does not send it until it is uploaded again or restored (docs/operating.md,"
                        + " Documents).");
    }

    public DamagedDocument(String sha256, int chunk) {
        super(
                ErrorCode.DOCUMENT_DAMAGED,
                "Document " + sha256 + " is damaged in the store: its chunk " + chunk
                        + " no longer matches its SHA-256. Coop sends nothing of it from there on; the damage is"
                        + " reported to the operators (docs/operating.md, Documents).");
    }
}
