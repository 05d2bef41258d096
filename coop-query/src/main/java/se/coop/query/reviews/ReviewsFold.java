package se.coop.query.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import se.coop.api.AgreementState;
import se.coop.api.Participant;
import se.coop.api.Party;
import se.coop.api.ReviewDecision;
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
import se.coop.api.event.TerminationDecided;
import se.coop.api.event.TextDescriptionCorrected;
import se.coop.query.readmodel.RecordedEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reviews read model's fold: an agreement's row (title, state, parties, reminder offsets) and its meetings, as
 * its events change them. Every agreement event is registered, either with what it changes or as ignored on purpose.
 * An event already applied (by its sequence in the agreement's stream) changes nothing, so replays and re-deliveries
 * leave the same rows.
 */
final class ReviewsFold {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An agreement as the reviews read model holds it: one {@code review_agreement} row and its meetings. */
    static final class Agreement {
        final String agreementId;
        /** Whether its drafting was applied (the row exists). */
        boolean drafted;

        String title;
        AgreementState state;
        List<String> partyIds;
        String leadPartyId;
        String leadCountry;
        List<Integer> reminderOffsets;
        long lastSequence;
        /** Its meetings by review id. */
        final Map<String, Meeting> meetings = new LinkedHashMap<>();

        Agreement(String agreementId) {
            this.agreementId = agreementId;
        }
    }

    /** One {@code review_meeting} row. */
    static final class Meeting {
        String reviewId;
        ReviewKind kind;
        String title;
        String status;
        Instant startsAt;
        String startsAtOffset;
        LocalDate heldOn;
        String location;
        String reviewers;
        List<String> reviewerEmails;
        String outcomeSummary;
        String outcomeDecision;
        int revision;
        long lastSequence;
        /** Whether the batch changed it (it is written then). */
        boolean changed;
    }

    private interface Step<E extends AgreementEvent> {
        void apply(Agreement agreement, E event, long sequence);
    }

    private static final Map<Class<?>, Step<?>> STEPS = new HashMap<>();
    private static final Step<AgreementEvent> IGNORED = (agreement, event, sequence) -> {};

    private static <E extends AgreementEvent> void on(Class<E> type, Step<E> step) {
        STEPS.put(type, step);
    }

    @SafeVarargs
    private static void ignore(Class<? extends AgreementEvent>... types) {
        for (Class<? extends AgreementEvent> type : types) {
            STEPS.put(type, IGNORED);
        }
    }

    static {
        on(IntentDrafted.class, (a, e, sequence) -> {
            Party lead = e.parties().stream().filter(Party::lead).findFirst().orElseThrow();
            a.title = JSON.writeValueAsString(e.title());
            a.state = AgreementState.DRAFT;
            a.partyIds = e.parties().stream().map(p -> p.partyId().toString()).toList();
            a.leadPartyId = lead.partyId().toString();
            a.leadCountry = lead.country();
            a.reminderOffsets = List.copyOf(e.reminderOffsetsDays());
            a.drafted = true;
        });
        on(DraftRevised.class, (a, e, sequence) -> {
            if (e.title() != null) {
                a.title = JSON.writeValueAsString(e.title());
            }
        });
        on(SubmittedForAdoption.class, (a, e, sequence) -> a.state = AgreementState.AWAITING_APPROVAL);
        on(AgreementEnteredIntoForce.class, (a, e, sequence) -> a.state = AgreementState.IN_FORCE);
        on(AgreementTerminated.class, (a, e, sequence) -> a.state = AgreementState.TERMINATED);
        on(AgreementExpired.class, (a, e, sequence) -> a.state = AgreementState.EXPIRED);
        on(DraftAbandoned.class, (a, e, sequence) -> a.state = AgreementState.ABANDONED);
        on(AgreementArchived.class, (a, e, sequence) -> a.state = AgreementState.ARCHIVED);
        on(ReviewScheduled.class, (a, e, sequence) -> {
            Meeting m = meeting(a, e.reviewId().toString(), e.kind(), e.title(), e.location(), e.reviewers(), sequence);
            if (m != null) {
                m.status = "SCHEDULED";
                at(m, e.startsAt());
            }
        });
        on(ReviewHeld.class, (a, e, sequence) -> {
            Meeting m = meeting(a, e.reviewId().toString(), e.kind(), e.title(), e.location(), e.reviewers(), sequence);
            if (m != null) {
                m.status = "HELD";
                m.heldOn = e.heldOn();
                m.outcomeSummary = e.summary();
                m.outcomeDecision = name(e.decision());
            }
        });
        on(
                ReviewRescheduled.class,
                (a, e, sequence) -> changed(a, e.reviewId().toString(), sequence, m -> {
                    at(m, e.startsAt());
                    if (e.location() != null) {
                        m.location = e.location();
                    }
                }));
        on(
                ReviewCancelled.class,
                (a, e, sequence) -> changed(a, e.reviewId().toString(), sequence, m -> {
                    m.status = "CANCELLED";
                }));
        on(
                ReviewOutcomeRecorded.class,
                (a, e, sequence) -> changed(a, e.reviewId().toString(), sequence, m -> {
                    m.status = "HELD";
                    m.heldOn = e.heldOn();
                    m.outcomeSummary = e.summary();
                    m.outcomeDecision = e.decision().name();
                }));
        ignore(
                ApprovalsVoided.class,
                AgreementSigned.class,
                BoardDecisionRecorded.class,
                AppealRecorded.class,
                AmendmentProposed.class,
                AmendmentEnteredIntoForce.class,
                DocumentAttached.class,
                AgreementLinked.class,
                NoticeGiven.class,
                PartyLeft.class,
                PartyRemoved.class,
                TerminationDecided.class,
                TextDescriptionCorrected.class,
                DocumentCorrected.class);
    }

    private ReviewsFold() {}

    /** Every agreement event the fold has decided on. */
    static Set<Class<?>> decidedTypes() {
        return Set.copyOf(STEPS.keySet());
    }

    /**
     * Applies one event: the drafting to an agreement not drafted yet, any other event the read model uses to a
     * drafted agreement whose row has not seen it.
     *
     * @return whether the agreement's rows changed
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean apply(Agreement agreement, RecordedEvent recorded) {
        AgreementEvent event = recorded.payload();
        Step step = step(event);
        if (step == IGNORED) {
            return false;
        }
        boolean drafting = event instanceof IntentDrafted;
        if (drafting == agreement.drafted || (!drafting && agreement.lastSequence >= recorded.sequence())) {
            return false;
        }
        step.apply(agreement, event, recorded.sequence());
        agreement.lastSequence = recorded.sequence();
        return true;
    }

    /** Whether the read model uses the event at all (an ignored one needs no rows read). */
    static boolean uses(AgreementEvent event) {
        return step(event) != IGNORED;
    }

    private static Step<?> step(AgreementEvent event) {
        Step<?> step = STEPS.get(event.getClass());
        if (step == null) {
            throw new IllegalStateException("the reviews read model has no entry for "
                    + event.getClass().getName());
        }
        return step;
    }

    /** A new meeting, or none when the agreement has one under this id already. */
    private static Meeting meeting(
            Agreement a,
            String reviewId,
            ReviewKind kind,
            String title,
            String location,
            List<Participant> reviewers,
            long sequence) {
        if (a.meetings.containsKey(reviewId)) {
            return null;
        }
        Meeting m = new Meeting();
        m.reviewId = reviewId;
        m.kind = kind;
        m.title = title;
        m.location = location;
        m.reviewers = JSON.writeValueAsString(reviewers);
        m.reviewerEmails = reviewers.stream()
                .map(Participant::key)
                .filter(Objects::nonNull)
                .toList();
        m.revision = 0;
        m.lastSequence = sequence;
        m.changed = true;
        a.meetings.put(reviewId, m);
        return m;
    }

    /** Changes a meeting the agreement has (a new revision of it); an unknown one is left alone. */
    private static void changed(Agreement a, String reviewId, long sequence, Consumer<Meeting> change) {
        Meeting m = a.meetings.get(reviewId);
        if (m == null) {
            return;
        }
        change.accept(m);
        m.revision++;
        m.lastSequence = sequence;
        m.changed = true;
    }

    private static void at(Meeting m, OffsetDateTime startsAt) {
        m.startsAt = startsAt.toInstant();
        m.startsAtOffset = startsAt.getOffset().getId();
    }

    private static String name(ReviewDecision decision) {
        return decision == null ? null : decision.name();
    }
}
