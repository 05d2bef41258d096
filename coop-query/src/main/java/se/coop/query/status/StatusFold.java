package se.coop.query.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import se.coop.api.AgreementState;
import se.coop.api.BusinessTime;
import se.coop.api.DocumentRef;
import se.coop.api.ReviewKind;
import se.coop.api.event.AgreementArchived;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementEvent;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.AgreementLinked;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.AmendmentEnteredIntoForce;
import se.coop.api.event.AmendmentProposed;
import se.coop.api.event.AppealRecorded;
import se.coop.api.event.ApprovalsVoided;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.DocumentAttached;
import se.coop.api.event.DocumentCorrected;
import se.coop.api.event.DraftAbandoned;
import se.coop.api.event.DraftRevised;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.NoticeGiven;
import se.coop.api.event.PartyLeft;
import se.coop.api.event.PartyRemoved;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewHeld;
import se.coop.api.event.ReviewOutcomeRecorded;
import se.coop.api.event.ReviewRescheduled;
import se.coop.api.event.ReviewScheduled;
import se.coop.api.event.SubmittedForAdoption;
import se.coop.api.event.TerminationCause;
import se.coop.api.event.TerminationDecided;
import se.coop.api.event.TextDescriptionCorrected;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.DocumentView;
import se.coop.api.query.LinkView;
import se.coop.query.readmodel.RecordedEvent;
import se.coop.rules.Membership;

/**
 * Folds an agreement's events into its {@link StatusState} ({@link StatusRendering} renders that state as the status
 * view for a given moment), and knows from which day each event holds ({@link #validFrom}). Pure: no database, no
 * clock of its own.
 */
final class StatusFold {

    private interface Step<E extends AgreementEvent> {
        void apply(StatusState state, E event, RecordedEvent recorded);
    }

    private static final Map<Class<?>, Step<?>> STEPS = new HashMap<>();

    private static <E extends AgreementEvent> void on(Class<E> type, Step<E> step) {
        STEPS.put(type, step);
    }

    /** The business day from which an event holds, given the day it was recorded; null: it holds on every day. */
    private interface ValidFrom<E extends AgreementEvent> {
        LocalDate of(E event, LocalDate recordedOn);
    }

    private static final Map<Class<?>, ValidFrom<?>> VALID_FROM = new HashMap<>();

    /** The event holds from a day it names itself. */
    private static <E extends AgreementEvent> void from(Class<E> type, Function<E, LocalDate> day) {
        VALID_FROM.put(type, (ValidFrom<E>) (e, recordedOn) -> day.apply(e));
    }

    /** The events hold from the day they were recorded: plans and acts of the secretariat. */
    @SafeVarargs
    private static void fromRecording(Class<? extends AgreementEvent>... types) {
        for (Class<? extends AgreementEvent> type : types) {
            VALID_FROM.put(type, (e, recordedOn) -> recordedOn);
        }
    }

    /** The events describe the agreement itself and hold on every day. */
    @SafeVarargs
    private static void onEveryDay(Class<? extends AgreementEvent>... types) {
        for (Class<? extends AgreementEvent> type : types) {
            VALID_FROM.put(type, (e, recordedOn) -> null);
        }
    }

    static {
        on(IntentDrafted.class, StatusFold::drafted);
        on(DraftRevised.class, StatusFold::revised);
        on(ApprovalsVoided.class, (s, e, r) -> s.round = null);
        on(SubmittedForAdoption.class, (s, e, r) -> {
            s.state = AgreementState.AWAITING_APPROVAL;
            s.round = round(e.textSha256(), e.textVersion(), null);
        });
        on(AgreementSigned.class, StatusFold::signed);
        on(BoardDecisionRecorded.class, StatusFold::decided);
        on(AppealRecorded.class, (s, e, r) -> {
            StatusState.Appeal appeal = new StatusState.Appeal();
            appeal.outcome = e.outcome();
            appeal.on = e.on();
            String decision = e.decisionId().toString();
            s.appealSteps
                    .computeIfAbsent(decision, d -> new ArrayList<>(StatusRendering.steps(s, d)))
                    .add(appeal);
            s.appeals.put(decision, appeal);
        });
        on(AgreementEnteredIntoForce.class, (s, e, r) -> {
            s.state = AgreementState.IN_FORCE;
            s.inForceVersion = e.textVersion();
            s.effectiveFrom = e.effectiveFrom();
        });
        on(AmendmentProposed.class, (s, e, r) -> {
            s.textVersions.add(e.text().sha256());
            s.namesChanged = true;
            s.amendment =
                    round(e.text().sha256(), e.textVersion(), e.amendmentId().toString());
            s.amendmentSummary = e.summary();
        });
        on(AmendmentEnteredIntoForce.class, (s, e, r) -> {
            s.round = s.amendment;
            s.amendment = null;
            s.amendmentSummary = null;
            s.inForceVersion = e.textVersion();
        });
        on(ReviewScheduled.class, (s, e, r) -> {
            StatusState.Meeting meeting = meeting(s, e.reviewId().toString(), e.kind());
            meeting.status = StatusState.MeetingStatus.SCHEDULED;
            meeting.startsAt = e.startsAt();
            meeting.location = e.location();
        });
        on(ReviewHeld.class, (s, e, r) -> {
            StatusState.Meeting meeting = meeting(s, e.reviewId().toString(), e.kind());
            meeting.status = StatusState.MeetingStatus.HELD;
            meeting.heldOn = e.heldOn();
            meeting.location = e.location();
            restsOn(s, e.document());
        });
        // A meeting's later events name it; folded for a day before it was scheduled (validOn: an outcome recorded by
        // an earlier version of Coop as held before the meeting was scheduled), the meeting is not there yet.
        on(ReviewRescheduled.class, (s, e, r) -> {
            StatusState.Meeting meeting = s.meetings.get(e.reviewId().toString());
            if (meeting != null) {
                meeting.startsAt = e.startsAt();
                if (e.location() != null) {
                    meeting.location = e.location();
                }
            }
        });
        on(ReviewCancelled.class, (s, e, r) -> {
            StatusState.Meeting meeting = s.meetings.get(e.reviewId().toString());
            if (meeting != null) {
                meeting.status = StatusState.MeetingStatus.CANCELLED;
            }
        });
        on(ReviewOutcomeRecorded.class, (s, e, r) -> {
            StatusState.Meeting meeting = s.meetings.get(e.reviewId().toString());
            if (meeting != null) {
                meeting.status = StatusState.MeetingStatus.HELD;
                meeting.heldOn = e.heldOn();
            }
            restsOn(s, e.document());
        });
        on(DocumentAttached.class, (s, e, r) -> {
            s.documents.add(new DocumentView(
                    e.documentId().toString(), e.title(), e.sha256(), e.mediaType(), e.size(), e.uri(), e.kind()));
            s.namesChanged = true;
        });
        on(DocumentCorrected.class, (s, e, r) -> {
            s.documents.replaceAll(d -> d.documentId().equals(e.documentId().toString())
                    ? new DocumentView(
                            d.documentId(), e.title(), d.sha256(), e.mediaType(), d.size(), e.uri(), e.kind())
                    : d);
            s.namesChanged = true;
        });
        on(TextDescriptionCorrected.class, (s, e, r) -> {});
        on(TerminationDecided.class, (s, e, r) -> {
            s.decidedTerminationOn = e.effectiveOn();
            s.terminatesOn = endsOn(s);
        });
        on(
                AgreementLinked.class,
                (s, e, r) -> s.links.add(new LinkView(
                        e.type(),
                        e.otherAgreementId() == null
                                ? null
                                : e.otherAgreementId().toString(),
                        e.otherTitle())));
        on(NoticeGiven.class, (s, e, r) -> {
            StatusState.Participation participation =
                    s.participation.get(e.partyId().toString());
            participation.status = StatusState.PartyStanding.LEAVING;
            participation.leavesOn = e.leavesOn();
            s.terminatesOn = endsOn(s);
        });
        on(
                PartyLeft.class,
                (s, e, r) -> s.participation.get(e.partyId().toString()).status = StatusState.PartyStanding.LEFT);
        on(PartyRemoved.class, (s, e, r) -> {
            s.participation.get(e.partyId().toString()).status = StatusState.PartyStanding.REMOVED;
            s.terminatesOn = endsOn(s);
            if (s.round != null) {
                s.round.signedOn.remove(e.partyId().toString());
                s.round.decisions.remove(e.partyId().toString());
            }
        });
        on(AgreementTerminated.class, (s, e, r) -> {
            s.state = AgreementState.TERMINATED;
            s.terminatesOn = null;
            s.endedOn = e.effectiveOn();
            s.endReason = e.cause() == TerminationCause.TOO_FEW_PARTIES ? "TOO_FEW_PARTIES: " + e.reason() : e.reason();
            s.amendment = null;
        });
        on(AgreementExpired.class, (s, e, r) -> {
            s.state = AgreementState.EXPIRED;
            s.terminatesOn = null;
            s.endedOn = e.endedOn();
            s.amendment = null;
        });
        on(DraftAbandoned.class, (s, e, r) -> {
            s.state = AgreementState.ABANDONED;
            s.endReason = e.reason();
        });
        on(AgreementArchived.class, (s, e, r) -> s.state = AgreementState.ARCHIVED);
    }

    /**
     * Rule 1 ({@link Membership}): the day the notices given end the agreement — the day a party leaving leaves too few
     * — or null when enough parties stay.
     */
    private static LocalDate endedByNotices(StatusState s) {
        List<StatusState.Participation> inIt = s.participation.values().stream()
                .filter(p ->
                        p.status == StatusState.PartyStanding.ACTIVE || p.status == StatusState.PartyStanding.LEAVING)
                .toList();
        return Membership.endedByNotices(
                        inIt.size(),
                        inIt.stream()
                                .filter(p -> p.status == StatusState.PartyStanding.LEAVING)
                                .map(p -> p.leavesOn)
                                .toList())
                .orElse(null);
    }

    /** The day the agreement ends as far as known: the earlier of a decided termination and the notices' end. */
    private static LocalDate endsOn(StatusState s) {
        return earlier(s.decidedTerminationOn, endedByNotices(s));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    static {
        from(AgreementSigned.class, AgreementSigned::signedOn);
        from(BoardDecisionRecorded.class, BoardDecisionRecorded::decidedOn);
        from(AppealRecorded.class, AppealRecorded::on);
        from(AgreementEnteredIntoForce.class, AgreementEnteredIntoForce::effectiveFrom);
        from(AmendmentEnteredIntoForce.class, AmendmentEnteredIntoForce::effectiveFrom);
        from(ReviewHeld.class, ReviewHeld::heldOn);
        from(ReviewOutcomeRecorded.class, ReviewOutcomeRecorded::heldOn);
        from(NoticeGiven.class, NoticeGiven::givenOn);
        from(PartyLeft.class, PartyLeft::leftOn);
        from(AgreementTerminated.class, AgreementTerminated::effectiveOn);
        from(AgreementExpired.class, e -> e.endedOn().plusDays(1));
        fromRecording(
                ReviewScheduled.class,
                TerminationDecided.class,
                ReviewRescheduled.class,
                ReviewCancelled.class,
                PartyRemoved.class,
                DraftAbandoned.class,
                AgreementArchived.class);
        onEveryDay(
                IntentDrafted.class,
                DraftRevised.class,
                ApprovalsVoided.class,
                SubmittedForAdoption.class,
                AmendmentProposed.class,
                DocumentAttached.class,
                DocumentCorrected.class,
                TextDescriptionCorrected.class,
                AgreementLinked.class);
    }

    private StatusFold() {}

    /** Every agreement event whose day of holding the fold knows (checked by a test against the sealed set). */
    static Set<Class<?>> datedTypes() {
        return Set.copyOf(VALID_FROM.keySet());
    }

    /** The event types the fold handles: every agreement event (checked by a test against the sealed set). */
    static Set<Class<?>> handledTypes() {
        return Set.copyOf(STEPS.keySet());
    }

    /**
     * Applies one event; an event the state already holds (a replayed or re-delivered one) changes nothing.
     *
     * @return whether the state changed
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean apply(StatusState state, RecordedEvent recorded) {
        if (recorded.sequence() < state.version) {
            return false;
        }
        Step step = STEPS.get(recorded.payload().getClass());
        step.apply(state, recorded.payload(), recorded);
        state.version = recorded.sequence() + 1;
        state.position = Math.max(state.position, recorded.position());
        state.updatedAt = recorded.recordedAt();
        return true;
    }

    static StatusState fold(List<RecordedEvent> events) {
        StatusState state = new StatusState();
        events.forEach(event -> apply(state, event));
        return state;
    }

    /** The agreement as Coop had recorded it at {@code asOf}: the events recorded until then, folded (docs/domain.md, Time). */
    static Optional<AgreementStatusView> asOf(List<RecordedEvent> events, Instant asOf) {
        List<RecordedEvent> recorded = recordedBy(events, asOf);
        return recorded.isEmpty()
                ? Optional.empty()
                : Optional.of(StatusRendering.render(fold(recorded), asOf, BusinessTime.ZONE));
    }

    /** The events Coop had recorded at {@code asOf}. */
    static List<RecordedEvent> recordedBy(List<RecordedEvent> events, Instant asOf) {
        return events.stream().filter(e -> !e.recordedAt().isAfter(asOf)).toList();
    }

    /** The events true on {@code day} by their own dates ({@link #validFrom}). */
    static List<RecordedEvent> validBy(List<RecordedEvent> events, LocalDate day) {
        return events.stream()
                .filter(e -> validFrom(e).map(from -> !from.isAfter(day)).orElse(true))
                .toList();
    }

    /**
     * The agreement as it stood on {@code day} by the events' own dates ({@link #validFrom}), read at the end of that
     * day.
     */
    static AgreementStatusView validOn(List<RecordedEvent> events, LocalDate day) {
        return StatusRendering.render(
                fold(validBy(events, day)),
                BusinessTime.startOf(day.plusDays(1)).minusNanos(1),
                BusinessTime.ZONE);
    }

    /**
     * The business date from which an event is true (docs/domain.md, Time): the day signed, decided, appealed, in force,
     * held, given notice, left or ended. Events that describe the agreement itself (its drafting, text versions,
     * submission, links and documents) have none and hold on every date; plans and acts of the secretariat (scheduled
     * meetings, removal, abandonment, archiving) hold from the day they were recorded.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Optional<LocalDate> validFrom(RecordedEvent recorded) {
        ValidFrom from = VALID_FROM.get(recorded.payload().getClass());
        if (from == null) {
            throw new IllegalStateException(
                    "no day from which " + recorded.payload().getClass().getName() + " holds");
        }
        return Optional.ofNullable(
                from.of(recorded.payload(), LocalDate.ofInstant(recorded.recordedAt(), BusinessTime.ZONE)));
    }

    private static void drafted(StatusState s, IntentDrafted e, RecordedEvent r) {
        s.agreementId = e.agreementId().toString();
        s.createdAt = r.recordedAt();
        s.state = AgreementState.DRAFT;
        s.kind = e.kind();
        s.binding = e.binding();
        s.title = e.title();
        s.parties = new ArrayList<>(e.parties());
        e.parties().forEach(p -> s.participation.put(p.partyId().toString(), new StatusState.Participation()));
        s.textVersions.add(e.text().sha256());
        s.namesChanged = true;
        s.focusAreas = new ArrayList<>(e.focusAreas());
        s.term = e.term();
        s.reviewCadenceMonths = e.reviewCadenceMonths();
        s.reminderOffsetsDays = new ArrayList<>(e.reminderOffsetsDays());
        s.funding = e.funding();
    }

    private static void revised(StatusState s, DraftRevised e, RecordedEvent r) {
        if (e.newTextVersion()) {
            s.state = AgreementState.DRAFT;
            s.textVersions.add(e.text().sha256());
            s.namesChanged = true;
            s.round = null;
        }
        if (e.title() != null) {
            s.title = e.title();
        }
        if (e.focusAreas() != null) {
            s.focusAreas = new ArrayList<>(e.focusAreas());
        }
        if (e.term() != null) {
            s.term = e.term();
        }
    }

    /** The act rests on {@code document} (where it names one): the agreement names it too. */
    private static void restsOn(StatusState s, DocumentRef document) {
        if (document != null && !s.actDocuments.contains(document)) {
            s.actDocuments.add(document);
            s.namesChanged = true;
        }
    }

    private static void signed(StatusState s, AgreementSigned e, RecordedEvent r) {
        restsOn(s, e.document());
        StatusState.Round round = roundFor(s, e.textSha256());
        if (e.counts() && round != null) {
            round.signedOn.putIfAbsent(e.partyId().toString(), e.signedOn());
        }
    }

    private static void decided(StatusState s, BoardDecisionRecorded e, RecordedEvent r) {
        restsOn(s, e.document());
        s.decisionsRecorded++;
        if (s.latestDecisionOn == null || e.decidedOn().isAfter(s.latestDecisionOn)) {
            s.latestDecisionOn = e.decidedOn();
        }
        StatusState.Round round = roundFor(s, e.textSha256());
        if (e.counts() && round != null) {
            StatusState.Decision decision = new StatusState.Decision();
            decision.decisionId = e.decisionId().toString();
            decision.body = e.body();
            decision.outcome = e.outcome();
            decision.decidedOn = e.decidedOn();
            decision.order = s.decisionsRecorded;
            decision.caseNumber = e.caseNumber();
            decision.paragraph = e.paragraph();
            decision.appealWindowEndsOn = e.appealWindowEndsOn();
            round.decisions
                    .computeIfAbsent(e.partyId().toString(), p -> new ArrayList<>())
                    .add(decision);
        }
    }

    private static StatusState.Round roundFor(StatusState s, String sha256) {
        if (s.amendment != null && s.amendment.sha256.equals(sha256)) {
            return s.amendment;
        }
        if (s.round != null && s.round.sha256.equals(sha256)) {
            return s.round;
        }
        return null;
    }

    private static StatusState.Round round(String sha256, int textVersion, String amendmentId) {
        StatusState.Round round = new StatusState.Round();
        round.sha256 = sha256;
        round.textVersion = textVersion;
        round.amendmentId = amendmentId;
        return round;
    }

    private static StatusState.Meeting meeting(StatusState s, String reviewId, ReviewKind kind) {
        return s.meetings.computeIfAbsent(reviewId, id -> {
            StatusState.Meeting meeting = new StatusState.Meeting();
            meeting.kind = kind;
            return meeting;
        });
    }
}
