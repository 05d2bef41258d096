package se.coop.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import se.coop.api.BusinessTime;
import se.coop.api.LocalizedText;
import se.coop.api.ValueChecks;

/**
 * Dates, times and titles as a page shows them, in the page's language: "4 maj 2026" in Swedish, "4. maj 2026" in
 * Danish, "4 May 2026" in English; a title in the page's language, else in the language the data has.
 */
@Component("fmt")
public class Formats {

    private final Words words;

    Formats(Words words) {
        this.words = words;
    }

    private static final DateTimeFormatter SV_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Languages.SWEDISH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SV_TIME = DateTimeFormatter.ofPattern("'kl.' HH:mm", Languages.SWEDISH);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DA_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Languages.DANISH);
    private static final DateTimeFormatter DA_TIME = DateTimeFormatter.ofPattern("'kl.' HH.mm", Languages.DANISH);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static boolean swedish() {
        return language().equals("sv");
    }

    /** The page's language: sv, da or en. */
    public static String language() {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return language.equals("da") || language.equals("en") ? language : "sv";
    }

    /** The page's locale: Swedish, Danish or English. */
    public static Locale locale() {
        return switch (language()) {
            case "da" -> Languages.DANISH;
            case "en" -> Locale.ENGLISH;
            default -> Languages.SWEDISH;
        };
    }

    private static DateTimeFormatter dates() {
        return switch (language()) {
            case "da" -> DA_DATE;
            case "en" -> EN_DATE;
            default -> SV_DATE;
        };
    }

    private static DateTimeFormatter times() {
        return switch (language()) {
            case "da" -> DA_TIME;
            case "en" -> EN_TIME;
            default -> SV_TIME;
        };
    }

    /** Between a date and its time: "4 maj 2026 kl. 14:00", "4. maj 2026 kl. 14.00", "4 May 2026, 14:00". */
    private static String beforeTime() {
        return language().equals("en") ? ", " : " ";
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(dates());
    }

    /** A meeting's local time in its agreement's zone, with the zone named when it is not Stockholm's. */
    public String dateTime(OffsetDateTime at, String zone) {
        if (at == null) {
            return "";
        }
        ZoneId zoneId = zone == null ? BusinessTime.ZONE : ZoneId.of(zone);
        var local = at.atZoneSameInstant(zoneId);
        String text = date(local.toLocalDate()) + beforeTime() + local.format(times());
        return zoneId.equals(BusinessTime.ZONE) ? text : text + " (" + zoneId.getId() + ")";
    }

    public String time(OffsetDateTime at, String zone) {
        if (at == null) {
            return "";
        }
        var local = at.atZoneSameInstant(zone == null ? BusinessTime.ZONE : ZoneId.of(zone));
        return local.format(times());
    }

    /** A moment as an event stores it (ISO-8601 in UTC) in local time, as the rest of the page; else as stored. */
    public String stored(String at) {
        try {
            return instant(Instant.parse(at));
        } catch (RuntimeException e) {
            return at;
        }
    }

    public String instant(Instant at) {
        if (at == null) {
            return "";
        }
        var local = at.atZone(BusinessTime.ZONE);
        return date(local.toLocalDate())
                + beforeTime()
                + local.format(times())
                // Danish writes a time with points throughout ("kl. 08.19.39"), Swedish and English with colons
                + (language().equals("da") ? "." : ":")
                + String.format("%02d", local.getSecond());
    }

    /** A moment as a compact local time in Sweden, for tables: "2026-12-01 16:26:12". */
    public String stamp(Instant at) {
        return at == null ? "" : STAMP.format(at.atZone(BusinessTime.ZONE));
    }

    /** A case number with its paragraph, if any: "KS 2019/00412 § 18". */
    public String caseAndParagraph(String caseNumber, String paragraph) {
        return ValueChecks.caseReference(caseNumber, paragraph);
    }

    /** The title in the page's language, else Swedish, Danish or English, whichever the agreement has. */
    /** A user's text set apart from Coop's words beside it in one sentence ({@link se.coop.api.Bidi#isolate}). */
    public String isolated(String text) {
        return se.coop.api.Bidi.isolate(text);
    }

    public String title(LocalizedText title) {
        if (title == null) {
            return "";
        }
        String first = exactly(title, language());
        if (first != null) {
            return first;
        }
        return title.sv() != null ? title.sv() : title.da() != null ? title.da() : title.en();
    }

    private static String exactly(LocalizedText title, String language) {
        return switch (language) {
            case "da" -> title.da();
            case "en" -> title.en();
            default -> title.sv();
        };
    }

    /** The language of {@link #title}, for its {@code lang} attribute. */
    public String titleLang(LocalizedText title) {
        if (title == null) {
            return null;
        }
        if (exactly(title, language()) != null) {
            return language();
        }
        return title.sv() != null ? "sv" : title.da() != null ? "da" : "en";
    }

    /**
     * Reviewers as the API lists them ("Anna (anna@…)"), joined, an erased contact in the page's words instead of the
     * API's "erased contact".
     */
    public String contacts(java.util.List<String> reviewers) {
        String erased = words.text("contact.erased");
        return String.join(
                ", ",
                reviewers.stream()
                        .map(r -> r.replace("(" + se.coop.api.contact.Contact.ERASED + ")", "(" + erased + ")"))
                        .toList());
    }

    /** A country's name in the page's language, for a country code's title. */
    public String country(String code) {
        return code == null ? "" : new Locale("", code).getDisplayCountry(locale());
    }
}
