package se.coop.api.document;

import java.util.List;
import se.coop.api.DocumentKind;

/**
 * Which agreements name a document, and as what: the read side's answer, which the store asks before it lets someone
 * read a document, removes it or culls it.
 */
public interface DocumentNames {

    /** Each agreement that names the document, once per kind it names it as; empty when none does. */
    List<Naming> namedBy(String sha256);

    /**
     * Waits a little until every agreement event recorded so far is known to the answers above; whether it is (an
     * answer that must not miss a naming just recorded, such as before a removal, asks this first).
     */
    boolean current();

    /** An agreement naming a document as a document of {@code kind}. */
    record Naming(String agreementId, DocumentKind kind) {}
}
