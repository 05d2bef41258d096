package se.coop.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import se.coop.api.AgreementId;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.DocumentId;
import se.coop.api.DocumentKind;
import se.coop.api.PartyId;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.Signatory;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.DocumentAttached;
import se.coop.api.event.DocumentCorrected;
import se.coop.api.event.ReviewHeld;
import se.coop.api.event.ReviewOutcomeRecorded;

/**
 * Events stored in revision 1, byte for byte as Coop wrote them before documents had kinds and acts named the
 * document they rest on, read as the current revision: the new fields take the value they mean for what was written
 * then, and nothing else changes.
 */
class UpcastersTest {

    private static final String AGREEMENT = "11111111-1111-4111-8111-111111111111";
    private static final String SHA = "a".repeat(64);

    private final Serializer serializer = new AxonConfiguration().serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(Upcasters.all());

    @Test
    void aDocumentAttachedBeforeKindsIsOther() {
        Object read = read(
                DocumentAttached.class,
                "{\"agreementId\":\"" + AGREEMENT + "\",\"documentId\":\"55555555-5555-4555-8555-555555555555\","
                        + "\"title\":\"Slutrapport\",\"sha256\":\"" + SHA + "\",\"mediaType\":\"application/pdf\","
                        + "\"size\":4200000}");
        assertThat(read)
                .isEqualTo(new DocumentAttached(
                        AgreementId.of(AGREEMENT),
                        DocumentId.of("55555555-5555-4555-8555-555555555555"),
                        "Slutrapport",
                        SHA,
                        "application/pdf",
                        4_200_000L,
                        null,
                        DocumentKind.OTHER));
    }

    @Test
    void aCorrectionBeforeKindsKeepsOther() {
        DocumentCorrected read = (DocumentCorrected) read(
                DocumentCorrected.class,
                "{\"agreementId\":\"" + AGREEMENT + "\",\"documentId\":\"55555555-5555-4555-8555-555555555555\","
                        + "\"sha256\":\"" + SHA + "\",\"title\":\"Slutrapport (rättad)\","
                        + "\"mediaType\":\"application/pdf\"}");
        assertThat(read.kind()).isEqualTo(DocumentKind.OTHER);
        assertThat(read.title()).isEqualTo("Slutrapport (rättad)");
    }

    @Test
    void actsRecordedBeforeDocumentsRestOnNone() {
        AgreementSigned signed = (AgreementSigned) read(
                AgreementSigned.class,
                "{\"agreementId\":\"" + AGREEMENT + "\",\"partyId\":\"koge\",\"textSha256\":\"" + SHA + "\","
                        + "\"textVersion\":1,\"counts\":true,\"signatory\":{\"name\":\"Marie Stærke\","
                        + "\"title\":\"borgmester\"},\"signedOn\":\"2021-10-01\",\"place\":\"Køge\"}");
        assertThat(signed)
                .isEqualTo(new AgreementSigned(
                        AgreementId.of(AGREEMENT),
                        PartyId.of("koge"),
                        SHA,
                        1,
                        null,
                        true,
                        new Signatory("Marie Stærke", "borgmester"),
                        LocalDate.of(2021, 10, 1),
                        "Køge",
                        null));
        BoardDecisionRecorded decided = (BoardDecisionRecorded) read(
                BoardDecisionRecorded.class,
                "{\"agreementId\":\"" + AGREEMENT + "\",\"decisionId\":\"22222222-2222-4222-8222-222222222222\","
                        + "\"partyId\":\"laholm\",\"textSha256\":\"" + SHA + "\",\"textVersion\":1,\"counts\":true,"
                        + "\"body\":\"Kommunstyrelsen\",\"decidedOn\":\"2020-02-12\",\"caseNumber\":\"KS 2019/412\","
                        + "\"outcome\":\"ADOPTED\",\"dissents\":[]}");
        assertThat(decided.document()).isNull();
        assertThat(decided.decisionId()).isEqualTo(DecisionId.of("22222222-2222-4222-8222-222222222222"));
        assertThat(decided.outcome()).isEqualTo(BoardOutcome.ADOPTED);
        ReviewOutcomeRecorded outcome = (ReviewOutcomeRecorded) read(
                ReviewOutcomeRecorded.class,
                "{\"agreementId\":\"" + AGREEMENT + "\",\"reviewId\":\"33333333-3333-4333-8333-333333333333\","
                        + "\"heldOn\":\"2023-09-14\",\"summary\":\"Fortsätter\",\"decision\":\"CONTINUE\"}");
        assertThat(outcome)
                .isEqualTo(new ReviewOutcomeRecorded(
                        AgreementId.of(AGREEMENT),
                        ReviewId.of("33333333-3333-4333-8333-333333333333"),
                        LocalDate.of(2023, 9, 14),
                        "Fortsätter",
                        ReviewDecision.CONTINUE,
                        null));
        ReviewHeld held = (ReviewHeld) read(
                ReviewHeld.class,
                "{\"agreementId\":\"" + AGREEMENT + "\",\"reviewId\":\"33333333-3333-4333-8333-333333333333\","
                        + "\"kind\":\"ANNUAL_REVIEW\",\"heldOn\":\"2022-09-14\",\"reviewers\":[],"
                        + "\"summary\":\"Fortsätter\",\"decision\":\"CONTINUE\"}");
        assertThat(held.document()).isNull();
        assertThat(held.summary()).isEqualTo("Fortsätter");
    }

    @Test
    void theCurrentRevisionIsNotUpcastAgain() {
        Object read = read(
                DocumentAttached.class,
                "2",
                "{\"agreementId\":\"" + AGREEMENT + "\",\"documentId\":\"55555555-5555-4555-8555-555555555555\","
                        + "\"title\":\"Protokollsutdrag\",\"sha256\":\"" + SHA + "\",\"mediaType\":\"application/pdf\","
                        + "\"size\":10,\"kind\":\"MINUTES_EXTRACT\"}");
        assertThat(((DocumentAttached) read).kind()).isEqualTo(DocumentKind.MINUTES_EXTRACT);
    }

    /** An event row as the store holds it: the payload's bytes under their type and revision. */
    private record Stored(SerializedObject<byte[]> payload) implements DomainEventData<byte[]> {
        @Override
        public String getType() {
            return "Agreement";
        }

        @Override
        public String getAggregateIdentifier() {
            return AGREEMENT;
        }

        @Override
        public long getSequenceNumber() {
            return 0;
        }

        @Override
        public String getEventIdentifier() {
            return "event-1";
        }

        @Override
        public Instant getTimestamp() {
            return Instant.parse("2024-01-01T00:00:00Z");
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return new SimpleSerializedObject<>(
                    "{}".getBytes(StandardCharsets.UTF_8), byte[].class, MetaData.class.getName(), null);
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return payload;
        }
    }

    private Object read(Class<?> type, String json) {
        return read(type, "1", json);
    }

    private Object read(Class<?> type, String revision, String json) {
        DomainEventData<byte[]> entry = new Stored(new SimpleSerializedObject<>(
                json.getBytes(StandardCharsets.UTF_8), byte[].class, type.getName(), revision));
        List<IntermediateEventRepresentation> upcast = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision())
                .isEqualTo(type.getAnnotation(org.axonframework.serialization.Revision.class)
                        .value());
        return serializer.deserialize(upcast.get(0).getData());
    }
}
