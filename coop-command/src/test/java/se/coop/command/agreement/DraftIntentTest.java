package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.AgreementKind;
import se.coop.api.ErrorCode;
import se.coop.api.Party;
import se.coop.api.command.DraftIntent;
import se.coop.api.event.IntentDrafted;

class DraftIntentTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static DraftIntent draft(List<Party> parties, Integer cadence, List<Integer> offsets) {
        IntentDrafted expected = drafted();
        return new DraftIntent(
                ID,
                expected.title(),
                AgreementKind.LETTER_OF_INTENT,
                false,
                parties,
                expected.focusAreas(),
                UNTIL_FURTHER_NOTICE,
                cadence,
                offsets,
                null,
                text(SHA_V1));
    }

    @Test
    void givenNothing_whenDrafted_thenIntentDraftedAsVersionOneWithDefaultCadenceAndReminders() {
        fixture.givenNoPriorActivity()
                .when(draft(PARTIES, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(drafted());
    }

    @Test
    void givenNothing_whenDraftedWithOwnReminderOffsets_thenOffsetsAreKeptDistinctFromFarthestToNearest() {
        IntentDrafted d = drafted();
        fixture.givenNoPriorActivity()
                .when(draft(PARTIES, 6, List.of(7, 60, 7, 14)))
                .expectEvents(new IntentDrafted(
                        ID,
                        d.title(),
                        d.kind(),
                        d.binding(),
                        d.parties(),
                        d.focusAreas(),
                        d.term(),
                        6,
                        List.of(60, 14, 7),
                        null,
                        1,
                        d.text()));
    }

    @Test
    void givenNothing_whenDraftedWithOneParty_thenRefusedByRuleOne() {
        fixture.givenNoPriorActivity()
                .when(draft(List.of(HALMSTAD_PARTY), null, null))
                .expectException(refusedWith(ErrorCode.TOO_FEW_PARTIES))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenDraftedWithAPartyTwice_thenRefusedAsDuplicate() {
        fixture.givenNoPriorActivity()
                .when(draft(List.of(HALMSTAD_PARTY, LAHOLM_PARTY, LAHOLM_PARTY), null, null))
                .expectException(refusedWith(ErrorCode.DUPLICATE_PARTY))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenDraftedWithoutLead_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(draft(List.of(LAHOLM_PARTY, HELSINGOR_PARTY), null, null))
                .expectException(refusedWith(ErrorCode.LEAD_PARTY_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenDraftedWithTwoLeads_thenRefused() {
        Party secondLead = party(LAHOLM, "Laholms kommun", "SE", "Kommunstyrelsen", true);
        fixture.givenNoPriorActivity()
                .when(draft(List.of(HALMSTAD_PARTY, secondLead), null, null))
                .expectException(refusedWith(ErrorCode.LEAD_PARTY_REQUIRED))
                .expectNoEvents();
    }
}
