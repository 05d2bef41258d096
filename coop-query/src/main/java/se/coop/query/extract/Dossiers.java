package se.coop.query.extract;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.coop.api.AgreementId;
import se.coop.api.proof.Checkpoint;
import se.coop.api.query.AgreementDocuments;
import se.coop.api.query.AgreementHistory;
import se.coop.api.query.AgreementRecords;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.FindAgreementDocuments;
import se.coop.api.query.FindAgreementRecords;
import se.coop.api.query.FindAgreementStatus;
import se.coop.api.query.FindHistory;
import se.coop.api.query.FindLinksTo;
import se.coop.api.query.HistoryEntry;
import se.coop.api.query.LinkView;
import se.coop.api.query.LinksTo;
import se.coop.query.audit.ChainVerifier;
import se.coop.query.audit.CheckpointLog;
import se.coop.query.audit.EventLog;
import se.coop.query.web.QuerySender;

/** Puts an agreement's dossier together from the read models, the event store and the chain verifier. */
@Component
public class Dossiers {

    private final QuerySender queries;
    private final EventLog eventLog;
    private final ChainVerifier verifier;
    private final Clock clock;

    private final CheckpointLog checkpoints;

    Dossiers(QuerySender queries, EventLog eventLog, ChainVerifier verifier, CheckpointLog checkpoints, Clock clock) {
        this.checkpoints = checkpoints;
        this.queries = queries;
        this.eventLog = eventLog;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * The dossier of {@code id} ({@code asOf} or {@code validOn}, at most one), its history in {@code lang}; a
     * problem AGREEMENT_NOT_FOUND when there is no such agreement (or none yet at {@code asOf}).
     */
    public Dossier of(AgreementId id, Instant asOf, LocalDate validOn, String lang, String extractedBy) {
        Instant extractedAt = clock.instant();
        String notFound = "There is no agreement " + id + ".";
        AgreementStatusView agreement =
                queries.found(new FindAgreementStatus(id, asOf, validOn), AgreementStatusView.class, notFound);
        AgreementRecords records =
                queries.found(new FindAgreementRecords(id, asOf, validOn), AgreementRecords.class, notFound);
        AgreementDocuments documents =
                queries.found(new FindAgreementDocuments(id, asOf, validOn), AgreementDocuments.class, notFound);
        List<HistoryEntry> history =
                queries.found(new FindHistory(id, lang), AgreementHistory.class, notFound).entries().stream()
                        .filter(entry -> asOf == null || !entry.recordedAt().isAfter(asOf))
                        .toList();
        List<LinkView> links = agreement.links().stream()
                .map(link -> link.otherAgreementId() == null || link.otherTitle() != null
                        ? link
                        : new LinkView(link.type(), link.otherAgreementId(), title(link.otherAgreementId())))
                .toList();
        LinksTo linkedFrom = queries.one(new FindLinksTo(id), LinksTo.class);
        // the checkpoint first, then the events: the events then reach at least as far as the checkpoint covered
        Optional<Checkpoint> covering = checkpoints.latestCovering(id.toString());
        EventLog.Stream stream = eventLog.read(id.toString());
        return new Dossier(
                id.toString(),
                extractedAt,
                extractedBy,
                asOf,
                validOn,
                lang,
                agreement,
                records,
                documents,
                history,
                links,
                linkedFrom.links(),
                verifier.verify(id.toString(), stream.events()),
                stream.events(),
                covering.orElse(null),
                covering.flatMap(checkpoint -> checkpoints.proof(checkpoint, id.toString()))
                        .orElse(null));
    }

    /** Another agreement's title (Swedish, else Danish, else English), or null when Coop does not have it. */
    private String title(String agreementId) {
        return queries.optional(
                        new FindAgreementStatus(AgreementId.of(agreementId), null, null), AgreementStatusView.class)
                .map(other -> other.title().in("sv"))
                .orElse(null);
    }
}
