package se.coop.query.status;

import static org.assertj.core.api.Assertions.assertThat;
import static se.coop.query.Events.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.coop.api.AgreementState;
import se.coop.api.AgreementText;
import se.coop.api.AmendmentId;
import se.coop.api.AppealOutcome;
import se.coop.api.BoardOutcome;
import se.coop.api.BusinessTime;
import se.coop.api.DecisionId;
import se.coop.api.Participant;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.Signatory;
import se.coop.api.event.AgreementArchived;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.AmendmentEnteredIntoForce;
import se.coop.api.event.AmendmentProposed;
import se.coop.api.event.AppealRecorded;
import se.coop.api.event.ApprovalsVoided;
import se.coop.api.event.DraftRevised;
import se.coop.api.event.NoticeGiven;
import se.coop.api.event.ReviewOutcomeRecorded;
import se.coop.api.event.ReviewScheduled;
import se.coop.api.event.SubmittedForAdoption;
import se.coop.api.event.TerminationCause;
import se.coop.api.event.TerminationDecided;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.PartyStatusView;
import se.coop.query.Events;
import se.coop.query.readmodel.RecordedEvent;

class StatusFoldTest {

    private static final DecisionId REJECTION = DecisionId.of("aaaaaaaa-0000-4000-8000-000000000001");
    private static final DecisionId ADOPTION = DecisionId.of("aaaaaaaa-0000-4000-8000-000000000002");
    private static final LocalDate SIGNED = LocalDate.of(2021, 10, 1);
    private static final Signatory MAYOR = new Signatory("Marie Stærke", "borgmester");

    private static Events inForce() {
        return new Events()
                .then(drafted())
                .then(new SubmittedForAdoption(ID, 1, SHA_V1))
                .then(new AgreementSigned(ID, KOGE, SHA_V1, 1, null, true, MAYOR, SIGNED, "Kristianstad", null))
                .then(decision(REJECTION, BoardOutcome.REJECTED, LocalDate.of(2021, 9, 6)))
                .then(decision(ADOPTION, BoardOutcome.ADOPTED, LocalDate.of(2021, 9, 20)))
                .then(new AgreementSigned(ID, KRISTIANSTAD, SHA_V1, 1, null, true, MAYOR, SIGNED, "Kristianstad", null))
                .then(new AgreementEnteredIntoForce(ID, 1, SHA_V1, SIGNED));
    }

    private static AgreementStatusView render(Events events, Instant now) {
        return StatusRendering.render(StatusFold.fold(events.list()), now, BusinessTime.ZONE);
    }

    private static PartyStatusView party(AgreementStatusView view, String id) {
        return view.parties().stream()
                .filter(p -> p.partyId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aNoticeByOneOfTwoPartiesSaysWhenTheAgreementEnds() {
        // found on the walk: Køge, one of two parties, gave notice; the page said when it leaves, not when the
        // agreement ends, and terminatesOn stayed empty
        LocalDate leaves = LocalDate.of(2027, 6, 7);
        AgreementStatusView view = render(
                inForce().then(new NoticeGiven(ID, KOGE, LocalDate.of(2026, 12, 7), leaves, null)),
                Instant.parse("2026-12-08T08:00:00Z"));
        assertThat(view.state()).isEqualTo(AgreementState.IN_FORCE);
        assertThat(view.terminatesOn()).isEqualTo(leaves);
    }

    @Test
    void aDecidedTerminationIsToldApartFromNoticesEndingTheAgreement() {
        // found on the walk: a decided termination still offered the termination form, which the API then refused
        // (a decided termination is not withdrawn or moved); the view could not tell it from notices' end
        LocalDate leaves = LocalDate.of(2027, 6, 7);
        Instant now = Instant.parse("2026-12-08T08:00:00Z");
        AgreementStatusView byNotice =
                render(inForce().then(new NoticeGiven(ID, KOGE, LocalDate.of(2026, 12, 7), leaves, null)), now);
        assertThat(byNotice.terminationDecidedOn()).isNull();
        LocalDate decided = LocalDate.of(2027, 3, 31);
        AgreementStatusView byDecision =
                render(inForce().then(new TerminationDecided(ID, "Samverkan avslutas.", decided)), now);
        assertThat(byDecision.terminationDecidedOn()).isEqualTo(decided);
        assertThat(byDecision.terminatesOn()).isEqualTo(decided);
    }

    @Test
    void aDraftShowsItsPartiesInDraftingOrderWithoutApprovals() {
        AgreementStatusView view = render(new Events().then(drafted()), START);
        assertThat(view.state()).isEqualTo(AgreementState.DRAFT);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.textVersion()).isEqualTo(1);
        assertThat(view.textSha256()).isEqualTo(SHA_V1);
        assertThat(view.parties()).extracting(PartyStatusView::partyId).containsExactly("kristianstad", "koge");
        assertThat(view.parties()).noneMatch(p -> p.signed() || p.adopted());
    }

    @Test
    void theLatestDecisionOfABoardCountsSoALaterAdoptionOverridesARejection() {
        Events events = new Events()
                .then(drafted())
                .then(new SubmittedForAdoption(ID, 1, SHA_V1))
                .then(decision(REJECTION, BoardOutcome.REJECTED, LocalDate.of(2021, 9, 6)));
        assertThat(party(render(events, START), "kristianstad").adopted()).isFalse();
        assertThat(party(render(events, START), "kristianstad").latestDecision().outcome())
                .isEqualTo(BoardOutcome.REJECTED);
        events.then(decision(ADOPTION, BoardOutcome.ADOPTED, LocalDate.of(2021, 9, 20)));
        PartyStatusView kristianstad = party(render(events, START), "kristianstad");
        assertThat(kristianstad.adopted()).isTrue();
        assertThat(kristianstad.latestDecision().caseNumber()).isEqualTo("KS 2021/512");
    }

    @Test
    void inForceShowsTheVersionInForceAndWhenTheSwedishAdoptionBecameLegallyFinal() {
        AgreementStatusView view = render(inForce(), START);
        assertThat(view.state()).isEqualTo(AgreementState.IN_FORCE);
        assertThat(view.effectiveFrom()).isEqualTo(SIGNED);
        PartyStatusView kristianstad = party(view, "kristianstad");
        assertThat(kristianstad.appealWindowEndsOn()).isEqualTo(LocalDate.of(2021, 10, 14));
        assertThat(kristianstad.legallyFinal())
                .as("the window is still open on 1 September")
                .isFalse();
        assertThat(party(render(inForce(), Instant.parse("2021-10-15T08:00:00Z")), "kristianstad")
                        .legallyFinal())
                .isTrue();
        assertThat(party(view, "koge").legallyFinal())
                .as("Danish parties have no such clock")
                .isNull();
        assertThat(party(view, "koge").signed()).isTrue();
    }

    @Test
    void anAnnulledAdoptionIsFlaggedWhileTheAgreementStaysInForce() {
        Events events = inForce()
                .then(new AppealRecorded(ID, ADOPTION, KRISTIANSTAD, AppealOutcome.LODGED, SIGNED, null, null))
                .then(new AppealRecorded(
                        ID, ADOPTION, KRISTIANSTAD, AppealOutcome.ANNULLED, SIGNED.plusMonths(2), null, null));
        AgreementStatusView view = render(events, START);
        assertThat(view.state()).isEqualTo(AgreementState.IN_FORCE);
        assertThat(party(view, "kristianstad").adopted()).isFalse();
        assertThat(party(view, "kristianstad").adoptionAnnulled()).isTrue();
        assertThat(party(view, "kristianstad").legallyFinal()).isFalse();
    }

    @Test
    void anAgreementWithoutAReviewHeldWithinItsCadenceIsOverdueOnceTheCadenceHasPassed() {
        Instant afterAYear = Instant.parse("2022-10-02T08:00:00Z");
        AgreementStatusView view = render(inForce(), afterAYear);
        assertThat(view.reviewDueOn()).isEqualTo(SIGNED.plusMonths(12));
        assertThat(view.overdue()).isTrue();
        assertThat(render(inForce(), Instant.parse("2022-09-30T08:00:00Z")).overdue())
                .isFalse();
        ReviewId review = ReviewId.random();
        AgreementStatusView planned = render(
                inForce().then(reviewScheduled(review, OffsetDateTime.parse("2022-11-10T13:00:00+01:00"))), afterAYear);
        assertThat(planned.overdue())
                .as("a review scheduled beyond the cadence is late: it does not count (rule 7)")
                .isTrue();
        assertThat(planned.nextReview().reviewId()).isEqualTo(review.toString());
        AgreementStatusView neverHeld = render(
                inForce().then(reviewScheduled(ReviewId.random(), OffsetDateTime.parse("2022-03-10T13:00:00+01:00"))),
                Instant.parse("2024-01-10T08:00:00Z"));
        assertThat(neverHeld.overdue())
                .as("a review scheduled long ago and never recorded as held does not count either")
                .isTrue();
    }

    @Test
    void aRevisionAfterSubmissionBringsTheDraftBackWithoutApprovals() {
        Events events = new Events()
                .then(drafted())
                .then(new SubmittedForAdoption(ID, 1, SHA_V1))
                .then(new AgreementSigned(ID, KOGE, SHA_V1, 1, null, true, MAYOR, SIGNED, null, null))
                .then(new ApprovalsVoided(ID, 1, SHA_V1, List.of(KOGE), "v2"))
                .then(new DraftRevised(
                        ID, 2, true, new AgreementText(SHA_V2, "v2", null, null, null), null, null, null, null));
        AgreementStatusView view = render(events, START);
        assertThat(view.state()).isEqualTo(AgreementState.DRAFT);
        assertThat(view.textVersion()).isEqualTo(2);
        assertThat(view.textSha256()).isEqualTo(SHA_V2);
        assertThat(party(view, "koge").signed()).isFalse();
    }

    @Test
    void anAmendmentAwaitsEveryPartyAndThenItsTextIsInForce() {
        AmendmentId amendment = AmendmentId.random();
        Events events = inForce()
                .then(new AmendmentProposed(
                        ID, amendment, 2, new AgreementText(SHA_V2, "v2", null, null, null), "ny bilaga", null))
                .then(new AgreementSigned(
                        ID, KOGE, SHA_V2, 2, amendment, true, MAYOR, SIGNED.plusYears(1), null, null));
        AgreementStatusView pending = render(events, START);
        assertThat(pending.textVersion()).isEqualTo(1);
        assertThat(pending.pendingAmendment().textVersion()).isEqualTo(2);
        assertThat(pending.pendingAmendment().approvedBy()).containsExactly("koge");
        events.then(new AmendmentEnteredIntoForce(ID, amendment, 2, SHA_V2, SIGNED.plusYears(1)));
        AgreementStatusView amended = render(events, START);
        assertThat(amended.textVersion()).isEqualTo(2);
        assertThat(amended.pendingAmendment()).isNull();
    }

    @Test
    void anEventAppliedTwiceChangesNothingTheSecondTime() {
        List<RecordedEvent> events = inForce().list();
        StatusState state = StatusFold.fold(events);
        long version = state.version;
        assertThat(StatusFold.apply(state, events.get(3))).isFalse();
        assertThat(state.version).isEqualTo(version);
    }

    @Test
    void everyEventHoldsFromItsBusinessDateOrAlwaysIfItDescribesTheAgreementItself() {
        List<RecordedEvent> events = inForce()
                .then(new AgreementTerminated(ID, "klart", LocalDate.of(2024, 12, 31), TerminationCause.DECISION))
                .then(new AgreementArchived(ID))
                .list();
        assertThat(StatusFold.validFrom(events.get(0))).isEmpty();
        assertThat(StatusFold.validFrom(events.get(2))).contains(SIGNED);
        assertThat(StatusFold.validFrom(events.get(4))).contains(LocalDate.of(2021, 9, 20));
        assertThat(StatusFold.validFrom(events.get(6))).contains(SIGNED);
        assertThat(StatusFold.validFrom(events.get(7))).contains(LocalDate.of(2024, 12, 31));
        assertThat(StatusFold.validFrom(events.get(8)))
                .contains(LocalDate.ofInstant(events.get(8).recordedAt(), BusinessTime.ZONE));
    }

    /** An earlier Coop accepted an outcome dated before its meeting was scheduled; validOn between them must answer. */
    @Test
    void aMeetingHeldBeforeItWasScheduledIsNotThereOnTheDaysBetween() {
        ReviewId review = ReviewId.of("cccccccc-0000-4000-8000-000000000001");
        List<RecordedEvent> events = inForce()
                .then(new ReviewScheduled(
                        ID,
                        review,
                        ReviewKind.ANNUAL_REVIEW,
                        OffsetDateTime.parse("2021-11-01T10:00:00+01:00"),
                        "Kristianstad",
                        List.of(new Participant("Anna", KOGE, null, "anna@example.org")),
                        null))
                .then(new ReviewOutcomeRecorded(
                        ID, review, LocalDate.of(2021, 8, 20), "Fortsätter", ReviewDecision.CONTINUE, null))
                .list();
        assertThat(StatusFold.validOn(events, LocalDate.of(2021, 8, 25)).lastReviewHeldOn())
                .isNull();
        assertThat(StatusFold.validOn(events, LocalDate.of(2021, 10, 2)).lastReviewHeldOn())
                .isEqualTo(LocalDate.of(2021, 8, 20));
    }
}
