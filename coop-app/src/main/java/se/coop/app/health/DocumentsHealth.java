package se.coop.app.health;

import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import se.coop.api.document.StoredDocument;
import se.coop.documents.DocumentStoreSummary;
import se.coop.documents.DocumentsSummary;

/**
 * {@code documents}: DOWN while the store holds a document found damaged (a chunk that no longer matches its SHA-256),
 * naming each, so that an operator restores it from a backup or has it uploaded again; otherwise UP with what the
 * store holds and how far the scrub has come; DOWN with the error when the store cannot be read (the database out of
 * reach), as a health indicator's exception would otherwise make the whole answer a 500. Not part of readiness: a
 * damaged document is no reason to stop serving.
 */
@Component("documents")
class DocumentsHealth extends AbstractHealthIndicator {

    private final DocumentStoreSummary store;

    DocumentsHealth(DocumentStoreSummary store) {
        super("The document store could not be read");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        DocumentsSummary summary = store.summary();
        if (summary.damaged().isEmpty()) {
            health.up();
        } else {
            health.down();
        }
        health.withDetail("held", summary.held())
                .withDetail("heldBytes", summary.heldBytes())
                .withDetail("culled", summary.culled())
                .withDetail("pdfaPending", summary.pdfaPending())
                .withDetail("neverScrubbed", summary.neverScrubbed());
        if (summary.oldestScrub() != null) {
            health.withDetail("oldestScrub", summary.oldestScrub().toString());
        }
        if (!summary.damaged().isEmpty()) {
            List<String> damaged =
                    summary.damaged().stream().map(StoredDocument::sha256).toList();
            health.withDetail("damaged", damaged);
        }
    }
}
