package se.coop.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.document.DocumentNames;
import se.coop.api.document.StoredDocument;

/**
 * Who may do what with a document, by the agreements that name it: read it — whoever may read an agreement naming it
 * (a secretariat, an auditor; a reviewer only an agreement's texts and its meetings' minutes), and an upload no agreement
 * names yet only a secretariat; see what the store holds of it — those and operators; remove it — a secretariat, while
 * no agreement names it and within {@code coop.documents.removable-for} of its upload.
 */
@Component
public class DocumentAccess {

    private final DocumentNames names;
    private final DocumentSettings settings;
    private final Clock clock;

    DocumentAccess(DocumentNames names, DocumentSettings settings, Clock clock) {
        this.names = names;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the reader may read the document's bytes; otherwise why not. */
    public void requireRead(HttpServletRequest reader, String sha256) {
        if (reader.isUserInRole("SECRETARIAT")) {
            return;
        }
        List<DocumentNames.Naming> naming = names.namedBy(sha256);
        if (reader.isUserInRole("AUDITOR") && !naming.isEmpty()) {
            return;
        }
        if (reader.isUserInRole("REVIEWER")
                && naming.stream().anyMatch(n -> n.kind().openToReviewers())) {
            return;
        }
        throw new CoopProblem(ErrorCode.FORBIDDEN, whyNot(reader, naming));
    }

    /** Whether the reader may read the document's bytes (a page offers the download only then). */
    public boolean mayRead(HttpServletRequest reader, String sha256) {
        try {
            requireRead(reader, sha256);
            return true;
        } catch (CoopProblem refused) {
            return false;
        }
    }

    /**
     * Whether the reader may see what the store holds of the document: whoever may read it; operators, without reading
     * it; and anyone who may read an agreement naming it — a reviewer too, who sees it listed among the agreement's
     * documents (its name, size, type, PDF/A), though not its bytes unless it is a text or a meeting's minutes.
     */
    public void requireSee(HttpServletRequest reader, String sha256) {
        if (reader.isUserInRole("OPERATOR")) {
            return;
        }
        if (reader.isUserInRole("REVIEWER") && !names.namedBy(sha256).isEmpty()) {
            return;
        }
        requireRead(reader, sha256);
    }

    /** The agreements naming the document, as the reader may know them (every one: they name it by its hash). */
    public List<DocumentNames.Naming> namedBy(String sha256) {
        return names.namedBy(sha256);
    }

    /**
     * A secretariat removes an upload made by mistake: only while no agreement names it (every agreement event recorded
     * so far taken into account) and within its time.
     */
    public void requireRemovable(StoredDocument document) {
        if (!names.current()) {
            throw new CoopProblem(
                    ErrorCode.CONCURRENT_MODIFICATION,
                    "Coop could not make sure within 5 seconds that no agreement names the document; nothing was"
                            + " removed. Try again.");
        }
        List<DocumentNames.Naming> naming = names.namedBy(document.sha256());
        if (!naming.isEmpty()) {
            throw new CoopProblem(
                    ErrorCode.DOCUMENT_NAMED,
                    "Agreement " + naming.get(0).agreementId() + " names this document (as "
                            + naming.get(0).kind() + "): a document an agreement names is never removed, only culled"
                            + " by an operator under the archive authority's decision.");
        }
        if (document.uploadedAt().plus(settings.removableFor()).isBefore(clock.instant())) {
            throw new CoopProblem(
                    ErrorCode.DOCUMENT_REMOVAL_TOO_LATE,
                    "The document was uploaded on " + document.uploadedAt() + "; an upload no agreement names may be"
                            + " removed within " + settings.removableFor().toDays() + " days"
                            + " (coop.documents.removable-for), and after that only culled by an operator.");
        }
    }

    private static String whyNot(HttpServletRequest reader, List<DocumentNames.Naming> naming) {
        if (reader.isUserInRole("REVIEWER")) {
            return "A reviewer reads an agreement's texts and the minutes of its meetings; no agreement names this"
                    + " document as either.";
        }
        if (reader.isUserInRole("AUDITOR")) {
            return "No agreement names this document: until one does, only a secretariat may read it.";
        }
        if (reader.isUserInRole("OPERATOR")) {
            return "An operator sees what the store holds of a document, and culls it, but does not read it.";
        }
        return naming.isEmpty()
                ? "Only a secretariat may read a document no agreement names."
                : "Your role does not" + " allow reading this document.";
    }
}
