package se.coop.query.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.coop.api.AgreementText;
import se.coop.api.DocumentKind;
import se.coop.api.DocumentRef;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.AmendmentEnteredIntoForce;
import se.coop.api.event.AmendmentProposed;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.DocumentAttached;
import se.coop.api.event.DocumentCorrected;
import se.coop.api.event.DraftRevised;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.ReviewHeld;
import se.coop.api.event.ReviewOutcomeRecorded;
import se.coop.api.event.TextDescriptionCorrected;
import se.coop.api.query.AgreementDocuments;
import se.coop.api.query.AgreementDocuments.Act;
import se.coop.api.query.AgreementDocuments.NamedDocument;
import se.coop.api.query.AgreementDocuments.Use;
import se.coop.query.readmodel.RecordedEvent;

/**
 * Every document an agreement's events name, once per SHA-256 in the order first named, with each act naming it and
 * the description the agreement gives it (its text's or attached document's, as last corrected). Pure: what the store
 * holds of each is added by whoever asks ({@link NamedDocument#withStored}).
 */
final class DocumentsFold {

    private DocumentsFold() {}

    private static final class Entry {
        final String sha256;
        final List<DocumentKind> kinds = new ArrayList<>();
        final List<Use> uses = new ArrayList<>();
        String title;
        String mediaType;
        Long size;
        String uri;

        Entry(String sha256) {
            this.sha256 = sha256;
        }

        NamedDocument named() {
            return new NamedDocument(
                    sha256, List.copyOf(kinds), title, mediaType, size, uri, List.copyOf(uses), false, null);
        }
    }

    static AgreementDocuments of(String agreementId, List<RecordedEvent> events) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> versions = new ArrayList<>();
        int inForce = 0;
        for (RecordedEvent recorded : events) {
            Object payload = recorded.payload();
            if (payload instanceof IntentDrafted e) {
                text(entries, versions, e.text(), e.textVersion(), recorded);
            } else if (payload instanceof DraftRevised e && e.newTextVersion()) {
                text(entries, versions, e.text(), e.textVersion(), recorded);
            } else if (payload instanceof AmendmentProposed e) {
                text(entries, versions, e.text(), e.textVersion(), recorded);
            } else if (payload instanceof TextDescriptionCorrected e) {
                describe(entry(entries, e.text().sha256()), e.text());
            } else if (payload instanceof AgreementEnteredIntoForce e) {
                inForce = e.textVersion();
            } else if (payload instanceof AmendmentEnteredIntoForce e) {
                inForce = e.textVersion();
            } else if (payload instanceof DocumentAttached e) {
                Entry entry = entry(entries, e.sha256());
                use(
                        entry,
                        new Use(
                                Act.ATTACHED,
                                e.kind(),
                                null,
                                e.documentId().toString(),
                                null,
                                null,
                                recorded.recordedAt()));
                entry.title = e.title();
                entry.mediaType = e.mediaType();
                entry.size = e.size();
                entry.uri = e.uri();
            } else if (payload instanceof DocumentCorrected e) {
                Entry entry = entry(entries, e.sha256());
                entry.title = e.title();
                entry.mediaType = e.mediaType();
                entry.uri = e.uri();
                entry.uses.replaceAll(u -> u.act() == Act.ATTACHED
                        ? new Use(u.act(), e.kind(), null, u.id(), null, null, u.recordedAt())
                        : u);
                entry.kinds.clear();
                entry.uses.forEach(u -> addKind(entry, u.kind()));
            } else if (payload instanceof AgreementSigned e) {
                restsOn(entries, e.document(), Act.SIGNATURE, null, e.partyId().toString(), e.signedOn(), recorded);
            } else if (payload instanceof BoardDecisionRecorded e) {
                restsOn(
                        entries,
                        e.document(),
                        Act.BOARD_DECISION,
                        e.decisionId().toString(),
                        e.partyId().toString(),
                        e.decidedOn(),
                        recorded);
            } else if (payload instanceof ReviewOutcomeRecorded e) {
                restsOn(entries, e.document(), Act.MEETING, e.reviewId().toString(), null, e.heldOn(), recorded);
            } else if (payload instanceof ReviewHeld e) {
                restsOn(entries, e.document(), Act.MEETING, e.reviewId().toString(), null, e.heldOn(), recorded);
            }
        }
        String own = versions.isEmpty() ? null : versions.get((inForce > 0 ? inForce : versions.size()) - 1);
        return new AgreementDocuments(
                agreementId,
                own,
                false,
                entries.values().stream().map(Entry::named).toList());
    }

    private static void text(
            Map<String, Entry> entries, List<String> versions, AgreementText text, int version, RecordedEvent r) {
        versions.add(text.sha256());
        Entry entry = entry(entries, text.sha256());
        use(entry, new Use(Act.TEXT_VERSION, DocumentKind.AGREEMENT_TEXT, version, null, null, null, r.recordedAt()));
        describe(entry, text);
    }

    private static void describe(Entry entry, AgreementText text) {
        entry.title = text.title();
        entry.mediaType = text.mediaType();
        entry.size = text.size();
        entry.uri = text.uri();
    }

    private static void restsOn(
            Map<String, Entry> entries,
            DocumentRef document,
            Act act,
            String id,
            String partyId,
            LocalDate on,
            RecordedEvent recorded) {
        if (document != null) {
            use(
                    entry(entries, document.sha256()),
                    new Use(act, document.kind(), null, id, partyId, on, recorded.recordedAt()));
        }
    }

    private static Entry entry(Map<String, Entry> entries, String sha256) {
        return entries.computeIfAbsent(sha256, Entry::new);
    }

    private static void use(Entry entry, Use use) {
        entry.uses.add(use);
        addKind(entry, use.kind());
    }

    private static void addKind(Entry entry, DocumentKind kind) {
        if (!entry.kinds.contains(kind)) {
            entry.kinds.add(kind);
        }
    }
}
