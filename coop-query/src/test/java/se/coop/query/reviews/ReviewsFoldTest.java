package se.coop.query.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.coop.api.AgreementState;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.ReviewId;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewRescheduled;
import se.coop.query.Events;
import se.coop.query.readmodel.RecordedEvent;

class ReviewsFoldTest {

    private static final ReviewId REVIEW = ReviewId.of("7d7d7d7d-1111-4222-8333-444455556666");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2022-03-01T13:00:00+01:00");

    private static ReviewsFold.Agreement fold(List<RecordedEvent> events) {
        ReviewsFold.Agreement agreement = new ReviewsFold.Agreement(Events.ID.toString());
        events.forEach(event -> ReviewsFold.apply(agreement, event));
        return agreement;
    }

    private static Events scheduled() {
        return new Events()
                .then(Events.drafted())
                .then(new AgreementEnteredIntoForce(Events.ID, 1, Events.SHA_V1, LocalDate.parse("2022-01-01")))
                .then(Events.reviewScheduled(REVIEW, AT));
    }

    @Test
    void aMeetingIsScheduledAndMovedAndKeepsItsPlaceWhenTheMoveNamesNone() {
        List<RecordedEvent> events = scheduled()
                .then(new ReviewRescheduled(Events.ID, REVIEW, AT.plusDays(7), null, "krock"))
                .list();
        ReviewsFold.Agreement agreement = fold(events);

        assertThat(agreement.state).isEqualTo(AgreementState.IN_FORCE);
        assertThat(agreement.lastSequence).isEqualTo(3);
        ReviewsFold.Meeting meeting = agreement.meetings.get(REVIEW.toString());
        assertThat(meeting.status).isEqualTo("SCHEDULED");
        assertThat(meeting.startsAt).isEqualTo(AT.plusDays(7).toInstant());
        assertThat(meeting.startsAtOffset).isEqualTo("+01:00");
        assertThat(meeting.location).isEqualTo("Kristianstad");
        assertThat(meeting.reviewerEmails).containsExactly("pm@example.org");
        assertThat(meeting.revision).isEqualTo(1);
        assertThat(meeting.changed).isTrue();
    }

    @Test
    void anEventAppliedAlreadyChangesNothing() {
        List<RecordedEvent> events = scheduled()
                .then(new ReviewCancelled(Events.ID, REVIEW, "inställt"))
                .list();
        ReviewsFold.Agreement agreement = fold(events);

        for (RecordedEvent again : events) {
            assertThat(ReviewsFold.apply(agreement, again))
                    .as("%s again", again)
                    .isFalse();
        }
        assertThat(agreement.meetings.get(REVIEW.toString()).revision).isEqualTo(1);
    }

    @Test
    void eventsBeforeTheDraftingAndEventsTheModelIgnoresChangeNothing() {
        ReviewsFold.Agreement unknown = new ReviewsFold.Agreement(Events.ID.toString());
        RecordedEvent cancelled = new Events()
                .then(Events.drafted())
                .then(new ReviewCancelled(Events.ID, REVIEW, "inställt"))
                .list()
                .get(1);
        assertThat(ReviewsFold.apply(unknown, cancelled)).isFalse();

        ReviewsFold.Agreement agreement = fold(scheduled().list());
        RecordedEvent decision = scheduled()
                .then(Events.decision(DecisionId.random(), BoardOutcome.ADOPTED, LocalDate.parse("2022-02-01")))
                .list()
                .get(3);
        assertThat(ReviewsFold.apply(agreement, decision)).isFalse();
        assertThat(agreement.lastSequence)
                .as("an ignored event is not counted as applied")
                .isEqualTo(2);
    }

    @Test
    void aMovedOrCancelledMeetingTheAgreementDoesNotHaveIsLeftAlone() {
        ReviewsFold.Agreement agreement = fold(new Events()
                .then(Events.drafted())
                .then(new ReviewCancelled(Events.ID, REVIEW, "inställt"))
                .list());
        assertThat(agreement.meetings).isEmpty();
        assertThat(agreement.lastSequence).isEqualTo(1);
    }
}
