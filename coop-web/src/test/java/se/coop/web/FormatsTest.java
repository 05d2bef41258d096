package se.coop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** A moment as each language writes it, in Swedish time. */
class FormatsTest {

    private static final Instant AT = Instant.parse("2026-12-07T07:19:39Z");

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aMomentIsWrittenAsEachLanguageWritesItsTimes() {
        Formats fmt = new Formats(null);
        LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));
        // found on a review: "kl. 08.19:39", points and a colon mixed
        assertThat(fmt.instant(AT)).endsWith("kl. 08.19.39");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("sv"));
        assertThat(fmt.instant(AT)).endsWith("kl. 08:19:39");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.instant(AT)).endsWith("08:19:39");
    }
}
