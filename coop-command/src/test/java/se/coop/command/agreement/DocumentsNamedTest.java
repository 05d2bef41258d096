package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;

import java.time.Duration;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.DocumentId;
import se.coop.api.DocumentKind;
import se.coop.api.DocumentRef;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.command.AdoptByBoard;
import se.coop.api.command.AttachDocument;
import se.coop.api.command.RecordReviewOutcome;
import se.coop.api.command.SignAgreement;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.DocumentAttached;
import se.coop.api.event.DocumentCorrected;
import se.coop.api.event.ReviewOutcomeRecorded;

/**
 * Rule 15 for what documents are to an agreement: an attached document has a kind (OTHER unless given; given again
 * differently, it is corrected), and a signature, a board decision and a meeting's outcome name the document they rest
 * on, of the kind such an act rests on unless another is given.
 */
class DocumentsNamedTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final DocumentId MINUTES = DocumentId.of("d1d1d1d1-d1d1-4d1d-8d1d-d1d1d1d1d1d1");
    private static final String SCAN = "5".repeat(64);
    private static final DecisionId DECISION = DecisionId.of("0f0e0d0c-0b0a-4909-8807-060504030201");
    private static final ReviewId REVIEW = ReviewId.of("0d0d0d0d-0d0d-4d0d-8d0d-0d0d0d0d0d0d");

    private static DocumentAttached attachedAsOther() {
        return new DocumentAttached(
                ID, MINUTES, "Protokollsutdrag KS § 45", SCAN, "application/pdf", 2048L, null, DocumentKind.OTHER);
    }

    @Test
    void givenDrafted_whenAttachedAsMinutes_thenTheKindIsRecorded() {
        at(fixture, drafted())
                .when(new AttachDocument(
                        ID,
                        MINUTES,
                        "Protokollsutdrag KS § 45",
                        SCAN,
                        "application/pdf",
                        2048L,
                        null,
                        DocumentKind.MINUTES_EXTRACT))
                .expectEvents(new DocumentAttached(
                        ID,
                        MINUTES,
                        "Protokollsutdrag KS § 45",
                        SCAN,
                        "application/pdf",
                        2048L,
                        null,
                        DocumentKind.MINUTES_EXTRACT));
    }

    @Test
    void givenAttachedAsOther_whenAttachedAgainAsMinutes_thenItsKindIsCorrected() {
        at(fixture, drafted(), attachedAsOther())
                .when(new AttachDocument(
                        ID,
                        DocumentId.random(),
                        "Protokollsutdrag KS § 45",
                        SCAN,
                        "application/pdf",
                        2048L,
                        null,
                        DocumentKind.MINUTES_EXTRACT))
                .expectEvents(new DocumentCorrected(
                        ID,
                        MINUTES,
                        SCAN,
                        "Protokollsutdrag KS § 45",
                        "application/pdf",
                        null,
                        DocumentKind.MINUTES_EXTRACT))
                .expectResultMessagePayload(MINUTES.toString());
    }

    @Test
    void givenAttachedAsOther_whenAttachedAgainWithoutAKind_thenNothingChanges() {
        at(fixture, drafted(), attachedAsOther())
                .when(new AttachDocument(
                        ID,
                        DocumentId.random(),
                        "Protokollsutdrag KS § 45",
                        SCAN,
                        "application/pdf",
                        2048L,
                        null,
                        null))
                .expectNoEvents();
    }

    @Test
    void givenSubmitted_whenSignedWithItsScan_thenTheSignatureRestsOnASignedCopy() {
        at(fixture, drafted(), submitted())
                .when(new SignAgreement(
                        ID, LAHOLM, SHA_V1, signatory(), TODAY, "Laholm", new DocumentRef(SCAN.toUpperCase(), null)))
                .expectEvents(new AgreementSigned(
                        ID,
                        LAHOLM,
                        SHA_V1,
                        1,
                        null,
                        true,
                        signatory(),
                        TODAY,
                        "Laholm",
                        new DocumentRef(SCAN, DocumentKind.SIGNED_COPY)));
    }

    @Test
    void givenSubmitted_whenDecidedWithAnExtract_thenTheDecisionRestsOnItsMinutesOrTheNoticeGiven() {
        at(fixture, drafted(), submitted())
                .when(decide(null))
                .expectEvents(decided(new DocumentRef(SCAN, DocumentKind.MINUTES_EXTRACT)));
        at(fixture(), drafted(), submitted())
                .when(decide(DocumentKind.DECISION_NOTICE))
                .expectEvents(decided(new DocumentRef(SCAN, DocumentKind.DECISION_NOTICE)));
    }

    @Test
    void givenAMeeting_whenItsOutcomeIsRecordedWithMinutes_thenTheOutcomeRestsOnReviewMinutes() {
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 1)))
                .andGivenCurrentTime(NOW.plus(Duration.ofDays(1)))
                .when(new RecordReviewOutcome(
                        ID, REVIEW, TODAY, "Fortsätter", ReviewDecision.CONTINUE, new DocumentRef(SCAN, null)))
                .expectEvents(new ReviewOutcomeRecorded(
                        ID,
                        REVIEW,
                        TODAY,
                        "Fortsätter",
                        ReviewDecision.CONTINUE,
                        new DocumentRef(SCAN, DocumentKind.REVIEW_MINUTES)));
    }

    private static AdoptByBoard decide(DocumentKind kind) {
        return new AdoptByBoard(
                ID,
                DECISION,
                LAHOLM,
                SHA_V1,
                "Kommunstyrelsen",
                TODAY,
                "KS 2020/1234",
                "§ 45",
                BoardOutcome.ADOPTED,
                List.of(),
                null,
                new DocumentRef(SCAN, kind));
    }

    private static BoardDecisionRecorded decided(DocumentRef document) {
        return new BoardDecisionRecorded(
                ID,
                DECISION,
                LAHOLM,
                SHA_V1,
                1,
                null,
                true,
                "Kommunstyrelsen",
                TODAY,
                "KS 2020/1234",
                "§ 45",
                BoardOutcome.ADOPTED,
                List.of(),
                null,
                null,
                document);
    }
}
