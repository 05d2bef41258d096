package se.coop.query.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.coop.api.proof.Checkpoint;
import se.coop.api.query.AgreementDocuments;
import se.coop.api.query.AgreementRecords;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.HistoryEntry;
import se.coop.api.query.LinkView;
import se.coop.query.audit.ChainVerification;
import se.coop.query.audit.CheckpointLog;
import se.coop.query.audit.EventLog;

/**
 * An agreement's audit dossier: the agreement and its state ({@code asOf} or {@code validOn}, or now), every act on
 * record, its history in words ({@code lang}), every document it names and whether Coop holds each, its links both ways (each other agreement in Coop
 * with its title), the verification of its hash chain
 * and — so that it can be checked again outside Coop — every stored event with its bytes verbatim. When it was
 * extracted and by whom is part of it. The verification and the events are of the stream as it is stored at
 * extraction, whatever date the rest shows. The latest checkpoint that covers the agreement and the agreement's proof
 * in it come with it (or null before such a checkpoint), so that the dossier alone, with the checkpoint's public key,
 * is enough for the offline verifier (docs/audit.md).
 */
public record Dossier(
        String agreementId,
        Instant extractedAt,
        String extractedBy,
        Instant asOf,
        LocalDate validOn,
        String lang,
        AgreementStatusView agreement,
        AgreementRecords records,
        AgreementDocuments documents,
        List<HistoryEntry> history,
        List<LinkView> links,
        List<LinkView> linkedFrom,
        ChainVerification verification,
        List<EventLog.StoredEvent> events,
        Checkpoint checkpoint,
        CheckpointLog.Proof proof) {}
