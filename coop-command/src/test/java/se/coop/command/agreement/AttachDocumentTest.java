package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.DocumentId;
import se.coop.api.DocumentKind;
import se.coop.api.ErrorCode;
import se.coop.api.command.AttachDocument;
import se.coop.api.event.AgreementArchived;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.DocumentAttached;
import se.coop.api.event.TerminationCause;

class AttachDocumentTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final DocumentId REPORT = DocumentId.of("d0c0d0c0-d0c0-4d0c-8d0c-d0c0d0c0d0c0");
    private static final String REPORT_SHA = "9".repeat(64);

    private static AttachDocument attach(DocumentId id) {
        return new AttachDocument(
                ID, id, "Projektets slutrapport", REPORT_SHA, "application/pdf", 4_200_000L, null, null);
    }

    @Test
    void givenAnyLiveState_whenDocumentAttached_thenAttachedByItsHash() {
        at(fixture, drafted())
                .when(attach(REPORT))
                .expectEvents(new DocumentAttached(
                        ID,
                        REPORT,
                        "Projektets slutrapport",
                        REPORT_SHA,
                        "application/pdf",
                        4_200_000L,
                        null,
                        DocumentKind.OTHER))
                .expectResultMessagePayload(REPORT.toString());
    }

    @Test
    void givenTheSameDocumentAttached_whenAttachedAgain_thenNothingChangesAndTheFirstIdIsAnswered() {
        at(
                        fixture,
                        drafted(),
                        new DocumentAttached(
                                ID,
                                REPORT,
                                "Projektets slutrapport",
                                REPORT_SHA,
                                "application/pdf",
                                4_200_000L,
                                null,
                                DocumentKind.OTHER))
                .when(attach(DocumentId.random()))
                .expectNoEvents()
                .expectResultMessagePayload(REPORT.toString());
    }

    @Test
    void givenADocumentAttached_whenTheSameFileIsAttachedWithAnotherSize_thenRefused() {
        at(
                        fixture,
                        drafted(),
                        new DocumentAttached(
                                ID,
                                REPORT,
                                "Projektets slutrapport",
                                REPORT_SHA,
                                "application/pdf",
                                4_200_000L,
                                null,
                                DocumentKind.OTHER))
                .when(new AttachDocument(
                        ID,
                        DocumentId.random(),
                        "Projektets slutrapport",
                        REPORT_SHA,
                        "application/pdf",
                        17L,
                        null,
                        null))
                .expectException(refusedWith(ErrorCode.DOCUMENT_ALREADY_ATTACHED))
                .expectNoEvents();
    }

    @Test
    void givenArchived_whenDocumentAttached_thenRefused() {
        at(
                        fixture,
                        with(
                                inForce(),
                                new AgreementTerminated(
                                        ID, "slut", LocalDate.of(2026, 2, 20), TerminationCause.DECISION),
                                new AgreementArchived(ID)))
                .when(attach(REPORT))
                .expectException(refusedWith(ErrorCode.AGREEMENT_ARCHIVED))
                .expectNoEvents();
    }
}
