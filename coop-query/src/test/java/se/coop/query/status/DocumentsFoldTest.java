package se.coop.query.status;

import static org.assertj.core.api.Assertions.assertThat;
import static se.coop.query.Events.*;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.coop.api.AgreementText;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.DocumentId;
import se.coop.api.DocumentKind;
import se.coop.api.DocumentRef;
import se.coop.api.Signatory;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.DocumentAttached;
import se.coop.api.event.DocumentCorrected;
import se.coop.api.event.DraftRevised;
import se.coop.api.event.SubmittedForAdoption;
import se.coop.api.query.AgreementDocuments;
import se.coop.api.query.AgreementDocuments.Act;
import se.coop.query.Events;

/**
 * Which documents an agreement names, and as what: its text versions, what is attached, and what its acts rest on —
 * the list the agreement page, the dossier and the package show, and the names the store's rules ask about.
 */
class DocumentsFoldTest {

    private static final String MINUTES = "4".repeat(64);
    private static final String SCAN = "5".repeat(64);
    private static final DocumentId ATTACHED = DocumentId.of("d1d1d1d1-d1d1-4d1d-8d1d-d1d1d1d1d1d1");

    private static Events history() {
        return new Events()
                .then(drafted())
                .then(new DraftRevised(
                        ID,
                        2,
                        true,
                        new AgreementText(SHA_V2, "Samarbetsavtal, rev.", "application/pdf", 1200L, null),
                        null,
                        null,
                        null,
                        null))
                .then(new SubmittedForAdoption(ID, 2, SHA_V2))
                .then(withMinutes(decision(DecisionId.random(), BoardOutcome.ADOPTED, LocalDate.of(2021, 9, 14))))
                .then(new AgreementSigned(
                        ID,
                        KOGE,
                        SHA_V2,
                        2,
                        null,
                        true,
                        new Signatory("Marie Stærke", "borgmester"),
                        LocalDate.of(2021, 10, 1),
                        "Køge",
                        new DocumentRef(SCAN, DocumentKind.SIGNED_COPY)))
                .then(new AgreementEnteredIntoForce(ID, 2, SHA_V2, LocalDate.of(2021, 10, 1)))
                .then(new DocumentAttached(
                        ID,
                        ATTACHED,
                        "Protokollsutdrag KS § 140",
                        MINUTES,
                        "application/pdf",
                        2048L,
                        null,
                        DocumentKind.OTHER));
    }

    private static se.coop.api.event.BoardDecisionRecorded withMinutes(se.coop.api.event.BoardDecisionRecorded e) {
        return new se.coop.api.event.BoardDecisionRecorded(
                e.agreementId(),
                e.decisionId(),
                e.partyId(),
                SHA_V2,
                2,
                null,
                true,
                e.body(),
                e.decidedOn(),
                e.caseNumber(),
                e.paragraph(),
                e.outcome(),
                e.dissents(),
                e.minutesPostedOn(),
                e.appealWindowEndsOn(),
                new DocumentRef(MINUTES, DocumentKind.MINUTES_EXTRACT));
    }

    @Test
    void everyDocumentIsListedOnceWithEachActNamingItAndTheTextInForceIsTheAgreementsOwn() {
        AgreementDocuments documents = DocumentsFold.of(ID.toString(), history().list());

        assertThat(documents.textSha256()).isEqualTo(SHA_V2);
        assertThat(documents.documents())
                .extracting(AgreementDocuments.NamedDocument::sha256)
                .containsExactly(SHA_V1, SHA_V2, MINUTES, SCAN);
        AgreementDocuments.NamedDocument minutes = documents.documents().get(2);
        assertThat(minutes.kinds()).containsExactly(DocumentKind.MINUTES_EXTRACT, DocumentKind.OTHER);
        assertThat(minutes.namedBy())
                .extracting(AgreementDocuments.Use::act)
                .containsExactly(Act.BOARD_DECISION, Act.ATTACHED);
        assertThat(minutes.title()).isEqualTo("Protokollsutdrag KS § 140");
        assertThat(minutes.namedBy().get(0).partyId()).isEqualTo(KRISTIANSTAD.toString());
        assertThat(documents.documents().get(3).namedBy().get(0).on()).isEqualTo(LocalDate.of(2021, 10, 1));
        assertThat(documents.documents().get(0).namedBy().get(0).textVersion()).isEqualTo(1);
        assertThat(documents.documents().get(1).title()).isEqualTo("Samarbetsavtal, rev.");
    }

    @Test
    void aCorrectedKindReplacesTheKindTheAttachmentHad() {
        Events events = history()
                .then(new DocumentCorrected(
                        ID,
                        ATTACHED,
                        MINUTES,
                        "Protokollsutdrag KS § 140",
                        "application/pdf",
                        null,
                        DocumentKind.DECISION_NOTICE));
        AgreementDocuments.NamedDocument minutes =
                DocumentsFold.of(ID.toString(), events.list()).documents().get(2);
        assertThat(minutes.kinds()).containsExactly(DocumentKind.MINUTES_EXTRACT, DocumentKind.DECISION_NOTICE);
    }

    @Test
    void theStatusFoldNamesTheSameDocumentsForTheStoresRules() {
        StatusState state = StatusFold.fold(history().list());
        assertThat(state.names())
                .containsExactly(
                        new StatusState.Name(SHA_V1, DocumentKind.AGREEMENT_TEXT),
                        new StatusState.Name(SHA_V2, DocumentKind.AGREEMENT_TEXT),
                        new StatusState.Name(MINUTES, DocumentKind.OTHER),
                        new StatusState.Name(MINUTES, DocumentKind.MINUTES_EXTRACT),
                        new StatusState.Name(SCAN, DocumentKind.SIGNED_COPY));
        assertThat(state.namesChanged).isTrue();
        StatusState read = StatusState.fromJson(state.toJson());
        assertThat(read.names()).isEqualTo(state.names());
        assertThat(read.namesChanged).as("never stored").isFalse();
    }

    @Test
    void aStatusRowWrittenBeforeDocumentsHadKindsNamesItsTextsAndAttachmentsAsOther() {
        String earlier = "{\"agreementId\":\"" + ID + "\",\"version\":3,\"textVersions\":[\"" + SHA_V1 + "\"],"
                + "\"documents\":[{\"documentId\":\"" + ATTACHED + "\",\"title\":\"Slutrapport\",\"sha256\":\""
                + MINUTES + "\",\"mediaType\":\"application/pdf\",\"size\":10}]}";
        assertThat(StatusState.fromJson(earlier).names())
                .containsExactly(
                        new StatusState.Name(SHA_V1, DocumentKind.AGREEMENT_TEXT),
                        new StatusState.Name(MINUTES, DocumentKind.OTHER));
    }
}
