package se.coop.app.health;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import se.coop.api.document.StoredDocument;
import se.coop.documents.DocumentStoreSummary;
import se.coop.documents.DocumentsSummary;

/**
 * {@code documents}: DOWN while the store holds a document found damaged (a chunk that no longer matches its SHA-256),
 * naming each, so that an operator restores it from a backup or has it uploaded again; otherwise UP with what the
 * store holds and how far the scrub has come. Not part of readiness: a damaged document is no reason to stop serving.
 */
@Component("documents")
class DocumentsHealth implements HealthIndicator {

    private final DocumentStoreSummary store;

    DocumentsHealth(DocumentStoreSummary store) {
        this.store = store;
    }

    @Override
    public Health health() {
        DocumentsSummary summary = store.summary();
        Health.Builder health = summary.damaged().isEmpty() ? Health.up() : Health.down();
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
        return health.build();
    }
}
