package se.coop.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.coop.api.AgreementId;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementText;
import se.coop.api.AmendmentId;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.DocumentId;
import se.coop.api.DocumentKind;
import se.coop.api.DocumentRef;
import se.coop.api.FocusArea;
import se.coop.api.Funding;
import se.coop.api.LocalizedText;
import se.coop.api.Participant;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.PartyKind;
import se.coop.api.ReviewId;
import se.coop.api.Signatory;
import se.coop.api.Term;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
import se.coop.api.event.AgreementEvent;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.reminder.ReminderPlanId;
import se.coop.api.reminder.ReminderSubject;
import se.coop.api.reminder.ReviewReminderIssued;

class HistoryWordingTest {

    private static final HistoryWording.Agreement HALMSTAD = new HistoryWording.Agreement(
            AgreementKind.LETTER_OF_INTENT, Map.of("laholm", "Laholms kommun", "halmstad", "Halmstads kommun"));

    static Stream<Class<?>> events() {
        return Arrays.stream(AgreementEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventIsWordedInSwedishDanishAndEnglish(Class<?> type) throws Exception {
        HistoryWording.Wording wording = HistoryWording.of((AgreementEvent) sample(type), HALMSTAD);
        assertThat(wording.sv()).isNotBlank().endsWith(".").doesNotContain("null");
        assertThat(wording.en()).isNotBlank().endsWith(".").doesNotContain("null");
        assertThat(wording.da()).isNotBlank().endsWith(".").doesNotContain("null");
        assertThat(wording.sv()).isNotEqualTo(wording.en()).isNotEqualTo(wording.da());
        assertThat(DanishWording.handledTypes()).isEqualTo(HistoryWording.handledTypes());
    }

    @Test
    void aDanishDecisionIsWordedInDanishWithItsOwnReference() {
        HistoryWording.Agreement koge = new HistoryWording.Agreement(
                AgreementKind.COOPERATION_AGREEMENT,
                Map.of("koge", "Køge Kommune", "kristianstad", "Kristianstads kommun"));
        BoardDecisionRecorded decision = new BoardDecisionRecorded(
                AgreementId.random(),
                DecisionId.random(),
                PartyId.of("koge"),
                "a".repeat(64),
                1,
                null,
                true,
                "Byrådet",
                LocalDate.of(2020, 3, 12),
                "Sag 2020-1234",
                "Punkt 12",
                BoardOutcome.ADOPTED,
                List.of(),
                null,
                null,
                null);
        assertThat(HistoryWording.of(decision, koge).da())
                .isEqualTo("Byrådet i Køge Kommune vedtog tekstversion 1 den 12. marts 2020 (Sag 2020-1234 Punkt 12).");
    }

    @Test
    void aReminderNamesItsRecipientsByContactSoTheStoredWordingHoldsNoAddress() {
        ContactId anna = ContactId.of("0c0c0c0c-1111-4222-8333-444455556666");
        ContactId erased = ContactId.of("0c0c0c0c-1111-4222-8333-444455556667");
        ReviewReminderIssued issued = new ReviewReminderIssued(
                ReminderPlanId.meeting(ReviewId.random()),
                "r-1",
                AgreementId.random(),
                null,
                ReminderSubject.MEETING,
                7,
                OffsetDateTime.parse("2027-02-10T13:00:00+01:00"),
                "Rådhuset",
                "Årlig uppföljning",
                List.of(
                        new Participant("Anna", PartyId.of("laholm"), anna, null),
                        new Participant("Bo", PartyId.of("halmstad"), erased, null),
                        new Participant("Cilla", PartyId.of("halmstad"), null, "cilla@example.org")));
        String stored = HistoryWording.reminder(issued).sv();
        assertThat(HistoryWording.reminder(issued).da())
                .startsWith(
                        "Påmindelse (7 dage før) om mødet 10. februar 2027 kl. 13.00 i Rådhuset blev sendt til Anna (\u001Ccontact:");
        assertThat(stored)
                .as("by contact, a mark; an event written before the register, its own address")
                .contains("Anna (\u001Ccontact:" + anna + "\u001D), Bo (\u001Ccontact:" + erased
                        + "\u001D), Cilla (cilla@example.org)");
        assertThat(HistoryWording.marked(stored)).containsExactly(anna, erased);
        Map<ContactId, Contact> found = Map.of(
                anna,
                new Contact(anna, "anna@laholm.example.org", Instant.EPOCH, null, null),
                erased,
                new Contact(erased, null, Instant.EPOCH, null, Instant.EPOCH));
        assertThat(HistoryWording.addresses(stored, found))
                .contains("Anna (anna@laholm.example.org), Bo (erased contact), Cilla (cilla@example.org)");
        assertThat(HistoryWording.addresses(stored, found, "sv"))
                .as("erased, in the words of the history's language")
                .contains("Bo (raderad kontakt)");
        assertThat(HistoryWording.addresses(stored, found, "da")).contains("Bo (slettet kontakt)");
        assertThat(HistoryWording.addresses(stored, Map.of()))
                .as("a contact unknown to the register shows as erased, never as its mark")
                .contains("Anna (erased contact)")
                .doesNotContain("contact:");
        String typed = "Rådhuset {contact:" + anna + "} och {contact:------------------------------------}";
        assertThat(HistoryWording.marked(typed))
                .as("text a client typed marks nothing")
                .isEmpty();
        assertThat(HistoryWording.addresses(typed, found)).isEqualTo(typed);
    }

    @Test
    void aBoardDecisionSaysWhichBodyOfWhichPartyDecidedWhatWhenAndUnderWhichReference() {
        BoardDecisionRecorded decision = new BoardDecisionRecorded(
                AgreementId.random(),
                DecisionId.random(),
                PartyId.of("laholm"),
                "a".repeat(64),
                1,
                null,
                true,
                "Kommunstyrelsen",
                LocalDate.of(2020, 1, 28),
                "KS 2019/1234",
                "§ 45",
                BoardOutcome.REJECTED,
                List.of("Reservation (SD)"),
                LocalDate.of(2020, 1, 31),
                LocalDate.of(2020, 2, 21),
                null);
        HistoryWording.Wording wording = HistoryWording.of(decision, HALMSTAD);
        assertThat(wording.sv())
                .startsWith(
                        "Kommunstyrelsen i Laholms kommun avslog textversion 1 den 28 januari 2020 (KS 2019/1234 § 45).")
                .contains("Reservationer: Reservation (SD).")
                .contains("sista dag att överklaga är 21 februari 2020");
        assertThat(wording.en())
                .startsWith(
                        "Kommunstyrelsen of Laholms kommun rejected text version 1 on 28 January 2020 (KS 2019/1234 § 45).")
                .contains("the last day to appeal is 21 February 2020");
        assertThat(wording.reference()).isEqualTo("KS 2019/1234 § 45");
        assertThat(wording.sv()).as("resting on no document").doesNotContain("Underlag");
    }

    @Test
    void anActRestingOnADocumentSaysWhichKindAndWhichBytes() {
        String sha = "c71fcd2e7fb44ea7f6123229556175d54ee3deecdc5571d08ff02031cae824a1";
        BoardDecisionRecorded decision = new BoardDecisionRecorded(
                AgreementId.random(),
                DecisionId.random(),
                PartyId.of("laholm"),
                "a".repeat(64),
                1,
                null,
                true,
                "Kommunstyrelsen",
                LocalDate.of(2020, 1, 28),
                "KS 2019/1234",
                "§ 45",
                BoardOutcome.ADOPTED,
                List.of(),
                LocalDate.of(2020, 1, 31),
                LocalDate.of(2020, 2, 21),
                new DocumentRef(sha, DocumentKind.MINUTES_EXTRACT));
        HistoryWording.Wording wording = HistoryWording.of(decision, HALMSTAD);
        assertThat(wording.sv()).endsWith(" Underlag: protokollsutdrag " + sha.substring(0, 12) + "….");
        assertThat(wording.en()).endsWith(" It rests on the minutes extract " + sha.substring(0, 12) + "….");
    }

    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getGenericType());
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object value(Type type) {
        if (type instanceof ParameterizedType list) {
            return List.of(value(list.getActualTypeArguments()[0]));
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isEnum()) return raw.getEnumConstants()[0];
        if (raw == AgreementId.class) return AgreementId.random();
        if (raw == DecisionId.class) return DecisionId.random();
        if (raw == ReviewId.class) return ReviewId.random();
        if (raw == AmendmentId.class) return AmendmentId.random();
        if (raw == DocumentId.class) return DocumentId.random();
        if (raw == PartyId.class) return PartyId.of("laholm");
        if (raw == String.class) return "text";
        if (raw == int.class || raw == Integer.class) return 2;
        if (raw == long.class) return 4_200_000L;
        if (raw == boolean.class) return true;
        if (raw == LocalDate.class) return LocalDate.of(2020, 1, 28);
        if (raw == OffsetDateTime.class) return OffsetDateTime.parse("2027-02-04T13:00:00+01:00");
        if (raw == LocalizedText.class) return new LocalizedText("Samverkan", null, "Cooperation");
        if (raw == AgreementText.class)
            return new AgreementText("a".repeat(64), "Avsiktsförklaring", "application/pdf", 1L, null);
        if (raw == Party.class)
            return new Party(
                    PartyId.of("laholm"),
                    "Laholms kommun",
                    PartyKind.MUNICIPALITY,
                    "SE",
                    "Kommunstyrelsen",
                    null,
                    true);
        if (raw == FocusArea.class) return new FocusArea("kompetens", LocalizedText.sv("Kompetensförsörjning"));
        if (raw == Term.class) return new Term(null, null, true, 6, false);
        if (raw == Funding.class) return new Funding("Tillväxtverket", BigDecimal.TEN, "SEK", null, null);
        if (raw == Signatory.class) return new Signatory("Ordförande", "ordförande");
        if (raw == Participant.class) return new Participant("Anna", PartyId.of("laholm"), null, "anna@example.org");
        if (raw == ContactId.class) return ContactId.of("0c0c0c0c-1111-4222-8333-444455556666");
        if (raw == se.coop.api.DocumentRef.class)
            return new se.coop.api.DocumentRef("b".repeat(64), se.coop.api.DocumentKind.MINUTES_EXTRACT);
        throw new IllegalArgumentException("no sample for " + type);
    }
}
