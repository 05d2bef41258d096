package se.coop.query.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.coop.api.Participant;
import se.coop.api.Party;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.AmendmentEnteredIntoForce;
import se.coop.api.event.AmendmentProposed;
import se.coop.api.event.AppealRecorded;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewHeld;
import se.coop.api.event.ReviewOutcomeRecorded;
import se.coop.api.event.ReviewRescheduled;
import se.coop.api.event.ReviewScheduled;
import se.coop.api.query.AgreementRecords;
import se.coop.query.readmodel.RecordedEvent;
import se.coop.rules.AppealStep;
import se.coop.rules.Approvals;
import se.coop.rules.BoardDecision;
import se.coop.rules.Finality;

/**
 * Every act of an agreement's stream as a record (the dossier's and the archive package's lists): signatures and
 * board decisions whether they count or not, each decision's appeals and — by {@link Approvals#finality}, the rule the
 * status uses — the day it became legally final; amendments; meetings planned, held and cancelled.
 */
final class RecordsFold {

    private RecordsFold() {}

    /** The records of {@code events}, each decision's finality judged on {@code day} (today, or the day shown). */
    static AgreementRecords of(String agreementId, List<RecordedEvent> events, LocalDate day) {
        Map<String, Party> parties = new HashMap<>();
        List<AgreementRecords.Signature> signatures = new ArrayList<>();
        Map<String, BoardDecisionRecorded> decisions = new LinkedHashMap<>();
        Map<String, java.time.Instant> decisionRecordedAt = new HashMap<>();
        Map<String, List<AppealRecorded>> appeals = new HashMap<>();
        Map<String, AgreementRecords.Amendment> amendments = new LinkedHashMap<>();
        Map<String, AgreementRecords.Meeting> meetings = new LinkedHashMap<>();
        for (RecordedEvent recorded : events) {
            Object payload = recorded.payload();
            if (payload instanceof IntentDrafted e) {
                e.parties().forEach(p -> parties.put(p.partyId().toString(), p));
            } else if (payload instanceof AgreementSigned e) {
                signatures.add(new AgreementRecords.Signature(
                        e.partyId().toString(),
                        name(parties, e.partyId().toString()),
                        e.textVersion(),
                        e.amendmentId() == null ? null : e.amendmentId().toString(),
                        e.counts(),
                        e.signatory() == null ? null : e.signatory().name(),
                        e.signatory() == null ? null : e.signatory().title(),
                        e.signedOn(),
                        e.place(),
                        recorded.recordedAt()));
            } else if (payload instanceof BoardDecisionRecorded e) {
                decisions.put(e.decisionId().toString(), e);
                decisionRecordedAt.put(e.decisionId().toString(), recorded.recordedAt());
            } else if (payload instanceof AppealRecorded e) {
                appeals.computeIfAbsent(e.decisionId().toString(), k -> new ArrayList<>())
                        .add(e);
            } else if (payload instanceof AmendmentProposed e) {
                if (e.supersedes() != null) {
                    amendments.computeIfPresent(
                            e.supersedes().toString(),
                            (k, a) -> new AgreementRecords.Amendment(
                                    a.amendmentId(),
                                    a.textVersion(),
                                    a.textSha256(),
                                    a.summary(),
                                    a.effectiveFrom(),
                                    e.amendmentId().toString(),
                                    a.recordedAt()));
                }
                amendments.put(
                        e.amendmentId().toString(),
                        new AgreementRecords.Amendment(
                                e.amendmentId().toString(),
                                e.textVersion(),
                                e.text().sha256(),
                                e.summary(),
                                null,
                                null,
                                recorded.recordedAt()));
            } else if (payload instanceof AmendmentEnteredIntoForce e) {
                amendments.computeIfPresent(
                        e.amendmentId().toString(),
                        (k, a) -> new AgreementRecords.Amendment(
                                a.amendmentId(),
                                a.textVersion(),
                                a.textSha256(),
                                a.summary(),
                                e.effectiveFrom(),
                                a.supersededBy(),
                                a.recordedAt()));
            } else if (payload instanceof ReviewScheduled e) {
                meetings.put(
                        e.reviewId().toString(),
                        new AgreementRecords.Meeting(
                                e.reviewId().toString(),
                                e.kind(),
                                "PLANNED",
                                e.title(),
                                e.startsAt(),
                                null,
                                e.location(),
                                reviewers(parties, e.reviewers()),
                                null,
                                null,
                                null));
            } else if (payload instanceof ReviewRescheduled e) {
                meetings.computeIfPresent(
                        e.reviewId().toString(),
                        (k, m) -> new AgreementRecords.Meeting(
                                m.reviewId(),
                                m.kind(),
                                m.status(),
                                m.title(),
                                e.startsAt(),
                                null,
                                e.location() == null ? m.location() : e.location(),
                                m.reviewers(),
                                null,
                                null,
                                null));
            } else if (payload instanceof ReviewCancelled e) {
                meetings.computeIfPresent(
                        e.reviewId().toString(),
                        (k, m) -> new AgreementRecords.Meeting(
                                m.reviewId(),
                                m.kind(),
                                "CANCELLED",
                                m.title(),
                                m.startsAt(),
                                null,
                                m.location(),
                                m.reviewers(),
                                null,
                                null,
                                e.reason()));
            } else if (payload instanceof ReviewOutcomeRecorded e) {
                meetings.computeIfPresent(
                        e.reviewId().toString(),
                        (k, m) -> new AgreementRecords.Meeting(
                                m.reviewId(),
                                m.kind(),
                                "HELD",
                                m.title(),
                                m.startsAt(),
                                e.heldOn(),
                                m.location(),
                                m.reviewers(),
                                e.summary(),
                                e.decision(),
                                null));
            } else if (payload instanceof ReviewHeld e) {
                meetings.put(
                        e.reviewId().toString(),
                        new AgreementRecords.Meeting(
                                e.reviewId().toString(),
                                e.kind(),
                                "HELD",
                                e.title(),
                                null,
                                e.heldOn(),
                                e.location(),
                                reviewers(parties, e.reviewers()),
                                e.summary(),
                                e.decision(),
                                null));
            }
        }
        List<AgreementRecords.Decision> decided = new ArrayList<>();
        long order = 0;
        for (BoardDecisionRecorded e : decisions.values()) {
            String id = e.decisionId().toString();
            List<AppealRecorded> steps = appeals.getOrDefault(id, List.of());
            Party party = parties.get(e.partyId().toString());
            Finality finality = party == null || !party.inSweden()
                    ? null
                    : Approvals.finality(
                            new BoardDecision(id, e.outcome(), e.decidedOn(), order, e.appealWindowEndsOn()),
                            steps.stream()
                                    .map(step -> new AppealStep(step.outcome(), step.on()))
                                    .toList());
            order++;
            decided.add(new AgreementRecords.Decision(
                    id,
                    e.partyId().toString(),
                    party == null ? null : party.name(),
                    e.body(),
                    e.textVersion(),
                    e.amendmentId() == null ? null : e.amendmentId().toString(),
                    e.counts(),
                    e.decidedOn(),
                    e.caseNumber(),
                    e.paragraph(),
                    e.outcome(),
                    e.dissents() == null ? List.of() : e.dissents(),
                    e.minutesPostedOn(),
                    e.appealWindowEndsOn(),
                    finality == null ? null : finality(finality, day),
                    finality == null ? null : finality.from(),
                    steps.stream()
                            .map(step -> new AgreementRecords.Appeal(
                                    step.outcome(), step.on(), step.court(), step.caseNumber()))
                            .toList(),
                    decisionRecordedAt.get(id)));
        }
        return new AgreementRecords(
                agreementId,
                List.copyOf(signatures),
                List.copyOf(decided),
                List.copyOf(amendments.values()),
                List.copyOf(meetings.values()));
    }

    /** FINAL once the day has come; before it, with no appeal lodged, OPEN: the window runs. */
    private static String finality(Finality finality, LocalDate day) {
        if (finality.kind() == Finality.Kind.FINAL && !finality.finalOn(day)) {
            return "OPEN";
        }
        return finality.kind().name();
    }

    private static String name(Map<String, Party> parties, String partyId) {
        Party party = parties.get(partyId);
        return party == null ? null : party.name();
    }

    private static List<String> reviewers(Map<String, Party> parties, List<Participant> reviewers) {
        if (reviewers == null) {
            return List.of();
        }
        return reviewers.stream()
                .map(r -> r.name() + " (" + name(parties, r.partyId().toString()) + ")")
                .toList();
    }
}
