package se.coop.app.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import se.coop.api.document.StoredDocument;
import se.coop.documents.DocumentStoreSummary;
import se.coop.documents.DocumentsSummary;

/**
 * {@code documents}: {@code DAMAGED} while the store holds a document found damaged (a chunk that no longer matches its
 * SHA-256), naming each, so that an operator restores it from a backup or has it uploaded again; otherwise UP with
 * what the store holds and how far the scrub has come. {@code DAMAGED} ranks below UP ({@code
 * management.endpoint.health.status.order}): the documents are in the database every node shares, so one damaged
 * document would otherwise take every node out of its load balancer at once, though each still serves everything
 * else. The gauge {@code coop_documents_damaged} counts them for alerts. DOWN with the error when the store cannot be
 * read (the database out of reach), as a health indicator's exception would otherwise make the whole answer a 500.
 */
@Component("documents")
class DocumentsHealth extends AbstractHealthIndicator {

    /** A document in the store is damaged: for operators, not for load balancers. */
    static final Status DAMAGED = new Status("DAMAGED", "a stored document is damaged; see damaged");

    private final DocumentStoreSummary store;

    DocumentsHealth(DocumentStoreSummary store, MeterRegistry meters) {
        super("The document store could not be read");
        this.store = store;
        Gauge.builder("coop.documents.damaged", store::damaged)
                .description("documents found damaged in the store (docs/operating.md, Documents)")
                .register(meters);
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        DocumentsSummary summary = store.summary();
        if (summary.damaged().isEmpty()) {
            health.up();
        } else {
            health.status(DAMAGED);
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
