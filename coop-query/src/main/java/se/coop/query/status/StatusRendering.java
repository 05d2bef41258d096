package se.coop.query.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementState;
import se.coop.api.BoardOutcome;
import se.coop.api.Party;
import se.coop.api.ReviewKind;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.AmendmentView;
import se.coop.api.query.DecisionView;
import se.coop.api.query.MeetingRef;
import se.coop.api.query.PartyStatusView;
import se.coop.rules.AppealStep;
import se.coop.rules.Approvals;
import se.coop.rules.BoardDecision;
import se.coop.rules.CouncilReports;
import se.coop.rules.Finality;
import se.coop.rules.PartyApproval;
import se.coop.rules.ReviewCadence;

/**
 * Renders what the status fold knows of an agreement ({@link StatusState}) as its status view for a day: which
 * parties' adoptions are legally final, the next meeting, whether the annual review is overdue, when a council report
 * is due — all depend on the day, so they are decided here, at read time, by the rules of coop-rules.
 */
final class StatusRendering {

    private StatusRendering() {}

    /**
     * Renders the state as the status view at {@code now}: which parties' adoptions are legally final, the next
     * meeting, and whether the annual review is overdue all depend on the day.
     */
    static AgreementStatusView render(StatusState s, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        StatusState.Round round = s.round;
        List<PartyStatusView> parties = new ArrayList<>();
        for (Party party : s.parties) {
            parties.add(partyView(s, party, round, today));
        }
        MeetingRef next = s.meetings.entrySet().stream()
                .filter(m -> s.state == AgreementState.IN_FORCE)
                .filter(m -> m.getValue().status == StatusState.MeetingStatus.SCHEDULED
                        && m.getValue().startsAt.toInstant().isAfter(now))
                .min(Comparator.comparing(m -> m.getValue().startsAt.toInstant()))
                .map(m -> new MeetingRef(m.getKey(), m.getValue().kind, m.getValue().startsAt, m.getValue().location))
                .orElse(null);
        LocalDate lastHeld = s.meetings.values().stream()
                .filter(m -> m.kind == ReviewKind.ANNUAL_REVIEW && m.status == StatusState.MeetingStatus.HELD)
                .map(m -> m.heldOn)
                .max(Comparator.naturalOrder())
                .orElse(null);
        LocalDate dueOn = null;
        boolean overdue = false;
        if (s.state == AgreementState.IN_FORCE && s.effectiveFrom != null) {
            dueOn = ReviewCadence.dueOn(s.effectiveFrom, lastHeld, s.reviewCadenceMonths);
            overdue = ReviewCadence.overdue(today, dueOn);
        }
        int textVersion = s.inForceVersion > 0 ? s.inForceVersion : s.textVersions.size();
        AmendmentView amendment = s.amendment == null
                ? null
                : new AmendmentView(
                        s.amendment.amendmentId,
                        s.amendment.textVersion,
                        s.amendment.sha256,
                        s.amendmentSummary,
                        s.parties.stream()
                                .filter(p -> approved(s, p, s.amendment))
                                .map(p -> p.partyId().toString())
                                .toList());
        return AgreementStatusView.builder()
                .agreementId(s.agreementId)
                .version(s.version)
                .state(s.state)
                .kind(s.kind)
                .binding(s.binding)
                .title(s.title)
                .textVersion(textVersion)
                .textSha256(textVersion == 0 ? null : s.textVersions.get(textVersion - 1))
                .effectiveFrom(s.effectiveFrom)
                .endedOn(s.endedOn)
                .endReason(s.endReason)
                .terminatesOn(s.terminatesOn)
                .terminationDecidedOn(s.state == AgreementState.IN_FORCE ? s.decidedTerminationOn : null)
                .parties(parties)
                .focusAreas(s.focusAreas)
                .term(s.term)
                .reviewCadenceMonths(s.reviewCadenceMonths)
                .reminderOffsetsDays(s.reminderOffsetsDays)
                .funding(s.funding)
                .links(s.links)
                .documents(s.documents)
                .pendingAmendment(amendment)
                .nextReview(next)
                .lastReviewHeldOn(lastHeld)
                .reviewDueOn(dueOn)
                .overdue(overdue)
                .latestDecisionOn(latestDecisionOn(s))
                .createdAt(s.createdAt)
                .updatedAt(s.updatedAt)
                .build();
    }

    /** The days of the decisions a fold keeps: those that count, of the text in force and of a pending amendment. */
    private static Stream<LocalDate> keptDecisions(StatusState s) {
        return Stream.of(s.round, s.amendment)
                .filter(Objects::nonNull)
                .flatMap(round -> round.decisions.values().stream())
                .flatMap(List::stream)
                .map(decision -> decision.decidedOn);
    }

    /**
     * The latest board decision of any party: as the fold keeps it, or — in a row of an earlier version, which did
     * not keep it — the latest of the decisions it kept.
     */
    private static LocalDate latestDecisionOn(StatusState s) {
        return Stream.concat(Stream.ofNullable(s.latestDecisionOn), keptDecisions(s))
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static PartyStatusView partyView(StatusState s, Party party, StatusState.Round round, LocalDate today) {
        String id = party.partyId().toString();
        StatusState.Participation participation = s.participation.get(id);
        LocalDate signedOn = round == null ? null : round.signedOn.get(id);
        StatusState.Decision latest = round == null ? null : latest(round, id);
        List<AppealStep> appeals = latest == null ? List.of() : appealSteps(s, latest.decisionId);
        StatusState.Appeal appeal = latest == null ? null : s.appeals.get(latest.decisionId);
        boolean adoptedOutcome = latest != null && latest.outcome == BoardOutcome.ADOPTED;
        boolean annulled = adoptedOutcome && Approvals.annulled(appeals);
        Boolean legallyFinal = null;
        LocalDate legallyFinalOn = null;
        if (party.inSweden() && adoptedOutcome && !annulled) {
            Finality finality = Approvals.finality(decision(latest), appeals);
            legallyFinal = finality.finalOn(today);
            legallyFinalOn = finality.kind() == Finality.Kind.FINAL ? finality.from() : null;
        } else if (party.inSweden()) {
            legallyFinal = false;
        }
        return new PartyStatusView(
                id,
                party.name(),
                party.kind(),
                party.country(),
                party.adoptingBody(),
                party.lead(),
                party.requires(),
                signedOn != null,
                signedOn,
                adoptedOutcome && !annulled,
                latest == null
                        ? null
                        : new DecisionView(
                                latest.decisionId,
                                latest.body,
                                latest.outcome,
                                latest.decidedOn,
                                latest.caseNumber,
                                latest.paragraph),
                latest == null ? null : latest.appealWindowEndsOn,
                appeal == null ? null : appeal.outcome,
                legallyFinal,
                legallyFinalOn,
                annulled,
                participation.status.name(),
                participation.leavesOn,
                councilReportDueOn(s, party, participation, today));
    }

    /** Rule 13: a Swedish party to an avtalssamverkan reports to its council every year, from entry into force. */
    private static LocalDate councilReportDueOn(
            StatusState s, Party party, StatusState.Participation participation, LocalDate today) {
        boolean reports = s.kind == AgreementKind.AVTALSSAMVERKAN
                && s.state == AgreementState.IN_FORCE
                && s.effectiveFrom != null
                && party.inSweden()
                && participation.status != StatusState.PartyStanding.LEFT
                && participation.status != StatusState.PartyStanding.REMOVED;
        if (!reports) {
            return null;
        }
        return CouncilReports.nextDueOn(s.effectiveFrom, today);
    }

    /** Whether the party has given all it requires for the round (rules 2 and 4); one that left needs nothing more. */
    private static boolean approved(StatusState s, Party party, StatusState.Round round) {
        String id = party.partyId().toString();
        StatusState.PartyStanding standing = s.participation.get(id).status;
        if (standing != StatusState.PartyStanding.ACTIVE && standing != StatusState.PartyStanding.LEAVING) {
            return true;
        }
        List<BoardDecision> decisions = round.decisions.getOrDefault(id, List.of()).stream()
                .map(StatusRendering::decision)
                .toList();
        Map<String, List<AppealStep>> appeals = new HashMap<>();
        decisions.forEach(d -> appeals.put(d.decisionId(), appealSteps(s, d.decisionId())));
        return Approvals.approved(new PartyApproval(
                party.requiresSignature(),
                party.requiresBoardAdoption(),
                party.inSweden(),
                round.signedOn.get(id),
                decisions,
                appeals));
    }

    /**
     * Rule 4, by {@link Approvals#counting}: the decision of the party's body on the text that counts — or, while it
     * has only referred the matter back or tabled it, the latest of those.
     */
    private static StatusState.Decision latest(StatusState.Round round, String party) {
        List<StatusState.Decision> decisions = round.decisions.getOrDefault(party, List.of());
        List<BoardDecision> all =
                decisions.stream().map(StatusRendering::decision).toList();
        return Approvals.counting(all)
                .or(() -> Approvals.latest(all))
                .flatMap(counting -> decisions.stream()
                        .filter(d -> d.decisionId.equals(counting.decisionId()))
                        .findFirst())
                .orElse(null);
    }

    static BoardDecision decision(StatusState.Decision d) {
        return new BoardDecision(d.decisionId, d.outcome, d.decidedOn, d.order, d.appealWindowEndsOn);
    }

    /** Every appeal step against a decision; rows of earlier versions of Coop kept only the latest. */
    static List<StatusState.Appeal> steps(StatusState s, String decisionId) {
        List<StatusState.Appeal> steps = s.appealSteps.get(decisionId);
        if (steps != null) {
            return steps;
        }
        StatusState.Appeal latest = s.appeals.get(decisionId);
        return latest == null ? List.of() : List.of(latest);
    }

    private static List<AppealStep> appealSteps(StatusState s, String decisionId) {
        return steps(s, decisionId).stream()
                .map(a -> new AppealStep(a.outcome, a.on))
                .toList();
    }
}
