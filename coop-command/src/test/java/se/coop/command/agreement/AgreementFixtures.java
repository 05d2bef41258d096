package se.coop.command.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
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
import se.coop.api.Reviewer;
import se.coop.api.Signatory;
import se.coop.api.Term;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.ReviewScheduled;
import se.coop.api.event.SubmittedForAdoption;

/** Test data for the aggregate: a small Halmstad-like agreement, and the events that bring it to each state. */
final class AgreementFixtures {

    /** Monday 2 March 2026, 10:00 in Stockholm. */
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static final AgreementId ID = AgreementId.of("6a1f3c55-7d6e-4f5a-9b59-0d1f6a0c2e11");

    /** An agreement Coop does not hold (every other one it does, as far as a command's handler asks). */
    static final AgreementId NOT_IN_COOP = AgreementId.of("00000000-0000-4000-8000-00000000dead");

    static final PartyId HALMSTAD = PartyId.of("halmstad");
    static final PartyId LAHOLM = PartyId.of("laholm");
    static final PartyId HELSINGOR = PartyId.of("helsingor");

    static final String SHA_V1 = "1".repeat(64);
    static final String SHA_V2 = "2".repeat(64);
    static final String SHA_V3 = "3".repeat(64);
    static final String SHA_UNKNOWN = "f".repeat(64);

    static final Party HALMSTAD_PARTY = party(HALMSTAD, "Halmstads kommun", "SE", "Kommunstyrelsen", true);
    static final Party LAHOLM_PARTY = party(LAHOLM, "Laholms kommun", "SE", "Kommunstyrelsen", false);
    static final Party HELSINGOR_PARTY = party(HELSINGOR, "Helsingør Kommune", "DK", "Byrådet", false);

    static final List<Party> PARTIES = List.of(HALMSTAD_PARTY, LAHOLM_PARTY, HELSINGOR_PARTY);

    static final Term UNTIL_FURTHER_NOTICE = new Term(null, null, true, 6, false);

    private AgreementFixtures() {}

    static AggregateTestFixture<Agreement> fixture() {
        AggregateTestFixture<Agreement> fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerInjectableResource(new FixtureClock(fixture));
        fixture.registerInjectableResource((AgreementDirectory) id -> !id.equals(NOT_IN_COOP));
        return fixture;
    }

    static TestExecutor<Agreement> at(AggregateTestFixture<Agreement> fixture, Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    static Party party(PartyId id, String name, String country, String body, boolean lead, ApprovalType... requires) {
        return new Party(
                id, name, PartyKind.MUNICIPALITY, country, body, requires.length == 0 ? null : List.of(requires), lead);
    }

    static AgreementText text(String sha) {
        return new AgreementText(sha, "Avsiktsförklaring", "application/pdf", 1024L, null);
    }

    static IntentDrafted drafted() {
        return drafted(PARTIES, UNTIL_FURTHER_NOTICE);
    }

    static IntentDrafted drafted(List<Party> parties, Term term) {
        return new IntentDrafted(
                ID,
                LocalizedText.sv("Avsiktsförklaring om samverkan i Halmstadsregionen"),
                AgreementKind.LETTER_OF_INTENT,
                false,
                parties,
                List.of(new FocusArea("kompetens", LocalizedText.sv("Kompetensförsörjning"))),
                term,
                12,
                List.of(30, 7),
                null,
                1,
                text(SHA_V1));
    }

    static SubmittedForAdoption submitted() {
        return new SubmittedForAdoption(ID, 1, SHA_V1);
    }

    static AgreementSigned signed(PartyId party, LocalDate on) {
        return new AgreementSigned(ID, party, SHA_V1, 1, null, true, signatory(), on, null, null);
    }

    static BoardDecisionRecorded decided(PartyId party, DecisionId id, BoardOutcome outcome, LocalDate on) {
        String body = party.equals(HELSINGOR) ? "Byrådet" : "Kommunstyrelsen";
        return new BoardDecisionRecorded(
                ID,
                id,
                party,
                SHA_V1,
                1,
                null,
                true,
                body,
                on,
                "KS 2020/1 § 1",
                null,
                outcome,
                List.of(),
                null,
                null,
                null);
    }

    static BoardDecisionRecorded adopted(PartyId party, LocalDate on) {
        return decided(party, DecisionId.random(), BoardOutcome.ADOPTED, on);
    }

    /** Every party of {@link #PARTIES} signed and adopted version 1, and the agreement entered into force. */
    static Object[] inForce() {
        LocalDate on = LocalDate.of(2026, 2, 2);
        return new Object[] {
            drafted(),
            submitted(),
            signed(HALMSTAD, on),
            adopted(HALMSTAD, on),
            signed(LAHOLM, on),
            adopted(LAHOLM, on),
            signed(HELSINGOR, on),
            adopted(HELSINGOR, on),
            new AgreementEnteredIntoForce(ID, 1, SHA_V1, on)
        };
    }

    static Object[] with(Object[] events, Object... more) {
        Object[] all = new Object[events.length + more.length];
        System.arraycopy(events, 0, all, 0, events.length);
        System.arraycopy(more, 0, all, events.length, more.length);
        return all;
    }

    static Signatory signatory() {
        return new Signatory("Jan Andersson", "kommunstyrelsens ordförande");
    }

    static Reviewer reviewer(PartyId party) {
        return new Reviewer("Anna Reviewer", "anna@example.org", party);
    }

    static OffsetDateTime inDays(int days) {
        return OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(1)).plusDays(days);
    }

    static ReviewScheduled reviewScheduled(ReviewId id, int inDays) {
        return new ReviewScheduled(
                ID,
                id,
                ReviewKind.ANNUAL_REVIEW,
                inDays(inDays),
                "Rådhuset",
                List.of(Participant.of(reviewer(HALMSTAD))),
                null);
    }

    /** A clock that reads the fixture's current time, so the aggregate and the stub deadline manager agree. */
    static final class FixtureClock extends Clock {

        private final AggregateTestFixture<Agreement> fixture;

        FixtureClock(AggregateTestFixture<Agreement> fixture) {
            this.fixture = fixture;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }
}
