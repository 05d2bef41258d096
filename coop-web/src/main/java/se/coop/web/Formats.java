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
 * Dates, times and titles as a page shows them, in the page's language: "4 maj 2026" in Swedish, "4 May 2026" in
 * English; a title in the page's language, else in the language the data has (Danish titles stay Danish).
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter SV_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Languages.SWEDISH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SV_TIME = DateTimeFormatter.ofPattern("'kl.' HH:mm", Languages.SWEDISH);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static boolean swedish() {
        return LocaleContextHolder.getLocale().getLanguage().equals("sv");
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(swedish() ? SV_DATE : EN_DATE);
    }

    /** A meeting's local time in its agreement's zone, with the zone named when it is not Stockholm's. */
    public String dateTime(OffsetDateTime at, String zone) {
        if (at == null) {
            return "";
        }
        ZoneId zoneId = zone == null ? BusinessTime.ZONE : ZoneId.of(zone);
        var local = at.atZoneSameInstant(zoneId);
        String text =
                date(local.toLocalDate()) + (swedish() ? " " : ", ") + local.format(swedish() ? SV_TIME : EN_TIME);
        return zoneId.equals(BusinessTime.ZONE) ? text : text + " (" + zoneId.getId() + ")";
    }

    public String time(OffsetDateTime at, String zone) {
        if (at == null) {
            return "";
        }
        var local = at.atZoneSameInstant(zone == null ? BusinessTime.ZONE : ZoneId.of(zone));
        return local.format(swedish() ? SV_TIME : EN_TIME);
    }

    public String instant(Instant at) {
        if (at == null) {
            return "";
        }
        var local = at.atZone(BusinessTime.ZONE);
        return date(local.toLocalDate()) + (swedish() ? " " : ", ")
                + local.format(swedish() ? SV_TIME : EN_TIME)
                + ":" + String.format("%02d", local.getSecond());
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
    public String title(LocalizedText title) {
        if (title == null) {
            return "";
        }
        String first = swedish() ? title.sv() : title.en();
        if (first != null) {
            return first;
        }
        return title.sv() != null ? title.sv() : title.da() != null ? title.da() : title.en();
    }

    /** The language of {@link #title}, for its {@code lang} attribute. */
    public String titleLang(LocalizedText title) {
        if (title == null) {
            return null;
        }
        if ((swedish() ? title.sv() : title.en()) != null) {
            return swedish() ? "sv" : "en";
        }
        return title.sv() != null ? "sv" : title.da() != null ? "da" : "en";
    }

    /** A country's name in the page's language, for a country code's title. */
    public String country(String code) {
        return code == null
                ? ""
                : new Locale("", code).getDisplayCountry(swedish() ? Languages.SWEDISH : Locale.ENGLISH);
    }
}
