package se.coop.api.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.coop.api.PartyId;

/** The rules every value a client sends must keep, one by one. */
class ClientInputRulesTest {

    @Test
    void controlCharactersAreRefusedInOneLineTextAndOnlyTabsAndLineBreaksAllowedInMultilineText() {
        for (String bad :
                new String[] {"a\u0000b", "a\u0007b", "\u001b[31mred", "a\rb", "a\nb", "a\tb", "a\u0085b", "a\u009bb"
                }) {
            assertThatThrownBy(() -> ClientText.clean(bad, false))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("control characters");
        }
        assertThat(ClientText.clean("första raden\r\n\tandra raden", true)).isEqualTo("första raden\r\n\tandra raden");
        assertThatThrownBy(() -> ClientText.clean("a\u0000b", true)).hasMessageContaining("U+0000");
    }

    @Test
    void brokenUnicodeAndNoncharactersAreRefused() {
        assertThatThrownBy(() -> ClientText.clean("a\ud800b", false)).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> ClientText.clean("a\udc00", false)).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> ClientText.clean("\ud800", false)).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> ClientText.clean("a\uffffb", false)).hasMessageContaining("U+FFFF");
        assertThatThrownBy(() -> ClientText.clean("a\ufdd0b", false)).hasMessageContaining("U+FDD0");
        assertThatThrownBy(() -> ClientText.clean("a\ud83f\udffe", false)).hasMessageContaining("U+1FFFE");
        assertThat(ClientText.clean("Öresund 𝕮𝖔𝖔𝖕 🇸🇪🇩🇰", false)).isEqualTo("Öresund 𝕮𝖔𝖔𝖕 🇸🇪🇩🇰");
    }

    @Test
    void invisibleEndsAreTakenAwaySoInvisibleTextIsBlank() {
        assertThat(ClientText.clean("\u200b\u200b", false)).isNull();
        assertThat(ClientText.clean(" \u00a0\ufeff\u2060 ", false)).isNull();
        assertThat(ClientText.clean("\u3164", false)).isNull();
        assertThat(ClientText.clean("\u200b Kommunstyrelsen \u200b", false)).isEqualTo("Kommunstyrelsen");
        assertThat(ClientText.clean("a\u200db", false))
                .as("a joiner inside text stays")
                .isEqualTo("a\u200db");
        assertThat(ClientText.isBlank("\u200b \u2800")).isTrue();
        for (String ignorable : new String[] {"\u034f", "\ufe0f", "\udb40\udd00", "\u180b", "\u17b4"}) {
            assertThat(ClientText.clean(ignorable, false)).as(ignorable).isNull();
        }
        assertThat(ClientText.clean("Vi \u2764\ufe0f Öresund \u2764\ufe0f", false))
                .as("an emoji keeps its variation selector")
                .isEqualTo("Vi \u2764\ufe0f Öresund \u2764\ufe0f");
        assertThat(ClientText.isBlank("·")).isFalse();
    }

    @Test
    void aDateIsExactlyYearMonthDayInsideThePlausibleWindow() {
        assertThat(PlausibleDates.parse("2020-01-28")).isEqualTo(LocalDate.of(2020, 1, 28));
        assertThat(PlausibleDates.parse("1900-01-01")).isEqualTo(PlausibleDates.EARLIEST);
        assertThat(PlausibleDates.parse("2199-12-31")).isEqualTo(PlausibleDates.LATEST);
        for (String shape :
                new String[] {"2025-02-01T00:00:00Z", "2025-02-01 ", " 2025-02-01", "20250201", "2025-2-1"}) {
            assertThatThrownBy(() -> PlausibleDates.parse(shape)).as(shape).hasMessageContaining("YYYY-MM-DD");
        }
        assertThatThrownBy(() -> PlausibleDates.parse("2026-02-30")).hasMessageContaining("no day of the calendar");
        for (String far : new String[] {"0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"}) {
            assertThatThrownBy(() -> PlausibleDates.parse(far)).as(far).hasMessageContaining("between 1900-01-01");
        }
        assertThatThrownBy(() -> PlausibleDates.parse("+10000-01-01")).hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void aWebAddressIsHttpsOrHttpWithAHostOrAUrn() {
        assertThat(WebAddressValidator.valid("https://www.halmstad.se/avsikt.pdf"))
                .isTrue();
        assertThat(WebAddressValidator.valid("HTTP://example.org/a")).isTrue();
        assertThat(WebAddressValidator.valid("urn:nbn:se:hh:diva-123")).isTrue();
        for (String bad : new String[] {
            "javascript:alert(1)",
            "data:text/html,x",
            "file:///etc/passwd",
            "https:///x",
            "//example.org/a",
            "ftp://example.org/a",
            "urn:",
            "not a uri"
        }) {
            assertThat(WebAddressValidator.valid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void clientsNamePartiesInOneFormWhileStoredIdsOfEarlierVersionsStayReadable() {
        assertThat(PartyId.strict("hogskolan-i-halmstad").toString()).isEqualTo("hogskolan-i-halmstad");
        for (String bad : new String[] {"A", "Halmstad", "region_skane", "a.b", "-a", "a-", "a--b", "å", ""}) {
            assertThatThrownBy(() -> PartyId.strict(bad)).as(bad).hasMessageContaining("lower-case");
        }
        assertThatThrownBy(() -> PartyId.strict("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThat(PartyId.of("Region_Skane.1").toString()).isEqualTo("Region_Skane.1");
    }
}
