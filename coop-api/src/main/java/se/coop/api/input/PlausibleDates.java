package se.coop.api.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import se.coop.api.BusinessTime;

/**
 * Dates a client sends: exactly {@code YYYY-MM-DD}, a real day, between {@link #EARLIEST} and {@link #LATEST}. No
 * cooperation agreement of a Swedish or Danish public body was decided before 1900 or runs past 2199; a date outside
 * is a typing error (year 0001, 9999, +10000), and refusing it keeps every date computation on safe ground. A
 * date-time is ISO-8601 with an explicit offset ({@code Z} or {@code +01:00}); its day, as given and as a business
 * day in Europe/Stockholm, lies in the same window.
 */
public final class PlausibleDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PlausibleDates() {}

    /**
     * A date as a client spells it.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static LocalDate parse(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("expected a date as YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is no day of the calendar; expected a date as YYYY-MM-DD");
        }
        return requirePlausible(date);
    }

    /** The words for what a date-time must look like. */
    public static final String DATE_TIME =
            "a date and time as ISO-8601 with its offset, e.g. 2026-05-04T13:00:00+02:00";

    /**
     * A date-time as a client spells it.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static OffsetDateTime parseDateTime(String text) {
        OffsetDateTime value;
        try {
            value = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("'" + text + "' is not valid; expected " + DATE_TIME);
        }
        requirePlausible(value.toLocalDate());
        requirePlausible(LocalDate.ofInstant(value.toInstant(), BusinessTime.ZONE));
        return value;
    }

    /**
     * An instant given as a date-time with offset, or as a date (its first instant in business time).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Instant parseInstantOrDate(String text) {
        if (text != null && DATE.matcher(text).matches()) {
            return BusinessTime.startOf(parse(text));
        }
        try {
            return parseDateTime(text).toInstant();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not valid; expected " + DATE_TIME + ", or a date as YYYY-MM-DD");
        }
    }

    /** @throws IllegalArgumentException when the date lies outside the window */
    public static LocalDate requirePlausible(LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new IllegalArgumentException(outside());
        }
        return date;
    }

    public static String outside() {
        return "must lie between " + EARLIEST + " and " + LATEST;
    }
}
