package se.coop.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.coop.api.AgreementId;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementText;
import se.coop.api.ApprovalType;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.FocusArea;
import se.coop.api.LocalizedText;
import se.coop.api.Participant;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.PartyKind;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.Term;
import se.coop.api.event.AgreementEvent;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.ReviewScheduled;
import se.coop.query.readmodel.RecordedEvent;

/** A small agreement's events, as recorded one minute apart, for the read models' unit tests. */
public final class Events {

    public static final AgreementId ID = AgreementId.of("0b0b0b0b-1111-4222-8333-444455556666");
    public static final PartyId KOGE = PartyId.of("koge");
    public static final PartyId KRISTIANSTAD = PartyId.of("kristianstad");
    public static final String SHA_V1 = "1".repeat(64);
    public static final String SHA_V2 = "2".repeat(64);
    public static final Instant START = Instant.parse("2021-09-01T08:00:00Z");

    private final List<RecordedEvent> recorded = new ArrayList<>();

    public static IntentDrafted drafted() {
        return new IntentDrafted(
                ID,
                new LocalizedText(
                        "Samarbetsavtal mellan Køge och Kristianstad",
                        "Samarbejdsaftale mellem Køge og Kristianstad",
                        null),
                AgreementKind.COOPERATION_AGREEMENT,
                false,
                List.of(
                        new Party(
                                KRISTIANSTAD,
                                "Kristianstads kommun",
                                PartyKind.MUNICIPALITY,
                                "SE",
                                "Kommunstyrelsen",
                                null,
                                true),
                        new Party(
                                KOGE,
                                "Køge Kommune",
                                PartyKind.MUNICIPALITY,
                                "DK",
                                "Byrådet",
                                List.of(ApprovalType.SIGNATURE),
                                false)),
                List.of(new FocusArea("klimat", new LocalizedText("Klimatanpassning och kustskydd", null, null))),
                new Term(null, null, true, 12, false),
                12,
                List.of(30, 7),
                null,
                1,
                new AgreementText(SHA_V1, "Samarbetsavtal", "application/pdf", 1000L, null));
    }

    public static BoardDecisionRecorded decision(DecisionId id, BoardOutcome outcome, LocalDate on) {
        return new BoardDecisionRecorded(
                ID,
                id,
                KRISTIANSTAD,
                SHA_V1,
                1,
                null,
                true,
                "Kommunstyrelsen",
                on,
                "KS 2021/512",
                "§ 140",
                outcome,
                List.of(),
                on.plusDays(3),
                on.plusDays(24),
                null);
    }

    public static ReviewScheduled reviewScheduled(ReviewId id, OffsetDateTime at) {
        return new ReviewScheduled(
                ID,
                id,
                ReviewKind.ANNUAL_REVIEW,
                at,
                "Kristianstad",
                List.of(new Participant("Pierre Månsson", KRISTIANSTAD, null, "pm@example.org")),
                null);
    }

    /** Appends an event recorded one minute after the previous one. */
    public Events then(AgreementEvent event) {
        int sequence = recorded.size();
        recorded.add(new RecordedEvent(
                event,
                sequence,
                sequence + 1,
                START.plusSeconds(60L * sequence),
                Map.of("actor", "secretariat", "role", "SECRETARIAT")));
        return this;
    }

    public List<RecordedEvent> list() {
        return List.copyOf(recorded);
    }
}
