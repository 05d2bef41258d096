package se.coop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invariants the value records keep themselves, so bad input fails where it is read. */
class ValueRecordsTest {

    @Test
    void aPartyRequiresSignatureAndBoardAdoptionUnlessToldOtherwise() {
        Party party = new Party(
                PartyId.of("kristianstad"), "Kristianstads kommun", PartyKind.MUNICIPALITY, "SE", "KS", null, null);
        assertThat(party.requires()).containsExactly(ApprovalType.SIGNATURE, ApprovalType.BOARD_ADOPTION);
        assertThat(party.lead()).isFalse();
        Party signatureOnly = new Party(
                PartyId.of("scandlines"),
                "Scandlines",
                PartyKind.COMPANY,
                "DK",
                "Direktionen",
                List.of(ApprovalType.SIGNATURE),
                true);
        assertThat(signatureOnly.requires()).containsExactly(ApprovalType.SIGNATURE);
        assertThat(signatureOnly.inSweden()).isFalse();
    }

    @Test
    void aCountryIsAnIsoCode() {
        assertThatThrownBy(() -> new Party(PartyId.of("x"), "X", PartyKind.OTHER, "SWE", "Styrelsen", null, false))
                .hasMessageContaining("ISO 3166-1 alpha-2");
    }

    @Test
    void aPartyIdHasOneSpelling() {
        assertThat(PartyId.of("hogskolan-i-halmstad").toString()).isEqualTo("hogskolan-i-halmstad");
        assertThatThrownBy(() -> PartyId.of("Högskolan i Halmstad")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgreementId.of("6A1F3C557D6E4F5A9B590D1F6A0C2E11"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTitleNeedsAtLeastOneLanguageAndFallsBackFromTheWantedOne() {
        assertThatThrownBy(() -> new LocalizedText(" ", null, "")).hasMessageContaining("at least one");
        LocalizedText danish = new LocalizedText(null, "Samarbejdsaftale", null);
        assertThat(danish.in("sv")).isEqualTo("Samarbejdsaftale");
        assertThat(new LocalizedText("Samverkansavtal", "Samarbejdsaftale", null).in("da"))
                .isEqualTo("Samarbejdsaftale");
    }

    @Test
    void aTermIsEitherFixedOrUntilFurtherNotice() {
        assertThatThrownBy(() -> new Term(null, LocalDate.of(2030, 1, 1), true, 6, false))
                .hasMessageContaining("no endsOn");
        assertThatThrownBy(() -> new Term(null, null, false, null, false)).hasMessageContaining("needs endsOn");
        assertThatThrownBy(() -> new Term(LocalDate.of(2030, 1, 1), LocalDate.of(2029, 1, 1), false, null, false))
                .hasMessageContaining("before startsOn");
        Term term = new Term(null, null, true, null, null);
        assertThat(term.waitsForLegalForce()).isFalse();
        assertThat(term.noticeMonths()).isZero();
    }

    @Test
    void aHashIsStoredInLowerCaseAndMustBeSha256() {
        assertThat(ValueChecks.sha256("AB".repeat(32))).isEqualTo("ab".repeat(32));
        assertThatThrownBy(() -> ValueChecks.sha256("abc")).hasMessageContaining("64 hexadecimal");
    }

    @Test
    void aCaseReferenceWritesTheParagraphWithItsSignOnce() {
        assertThat(ValueChecks.caseReference("KS 2019/00412", "§ 18")).isEqualTo("KS 2019/00412 § 18");
        assertThat(ValueChecks.caseReference("KS 2025/112", "45")).isEqualTo("KS 2025/112 § 45");
        assertThat(ValueChecks.caseReference("Sag 21/24816", null)).isEqualTo("Sag 21/24816");
        assertThat(ValueChecks.caseReference("Sag 21/24816", " ")).isEqualTo("Sag 21/24816");
        // a Danish decision's own reference, never "§ Punkt 12"
        assertThat(ValueChecks.caseReference("Sag 21/24816", "Punkt 12")).isEqualTo("Sag 21/24816 Punkt 12");
        assertThat(ValueChecks.caseReference("Sag 21/24816", "pkt. 4")).isEqualTo("Sag 21/24816 pkt. 4");
    }
}
