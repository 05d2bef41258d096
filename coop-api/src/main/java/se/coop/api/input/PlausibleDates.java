package se.coop.api.input;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Dates a client sends: exactly {@code YYYY-MM-DD}, a real day, between {@link #EARLIEST} and {@link #LATEST}. No
 * cooperation agreement of a Swedish or Danish public body was decided before 1900 or runs past 2199; a date outside
 * is a typing error (year 0001, 9999, +10000), and refusing it keeps every date computation on safe ground.
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
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is no day of the calendar; expected a date as YYYY-MM-DD");
        }
        return requirePlausible(date);
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
