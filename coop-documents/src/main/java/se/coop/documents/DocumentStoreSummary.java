package se.coop.documents;

import org.springframework.stereotype.Component;

/** The store at a glance, for whoever shows it to operators: their page, the admin API, health. */
@Component
public class DocumentStoreSummary {

    private final DocumentStore store;
    private final DocumentSettings settings;

    DocumentStoreSummary(DocumentStore store, DocumentSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** How many documents are damaged (one count, cheap enough for every metrics scrape). */
    public long damaged() {
        return store.damagedCount();
    }

    public DocumentsSummary summary() {
        return store.summary(settings.scrub().every().toString());
    }
}
