package se.coop.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * Rule 12. The window for appealing a Swedish municipal decision (laglighetsprövning, KL 13 kap. 5 §): three weeks from the day
 * the signed minutes were posted on the notice board. A last day on a Saturday, Sunday or public holiday moves to the
 * next working day; so does one on midsummer eve, Christmas eve or New Year's eve, which the law on computing
 * statutory time (1930:173) treats alike.
 */
public final class AppealWindow {

    public static final int DAYS = 21;

    private AppealWindow() {}

    /** The last day an appeal can be lodged against a decision whose minutes were posted on {@code postedOn}. */
    public static LocalDate lastDay(LocalDate postedOn) {
        LocalDate day = postedOn.plusDays(DAYS);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    public static boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isHolidayOrEve(day);
    }

    public static boolean isHolidayOrEve(LocalDate day) {
        int year = day.getYear();
        LocalDate easter = easterSunday(year);
        LocalDate midsummerEve =
                LocalDate.of(year, Month.JUNE, 19).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        LocalDate allSaints =
                LocalDate.of(year, Month.OCTOBER, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        return day.equals(LocalDate.of(year, Month.JANUARY, 1))
                || day.equals(LocalDate.of(year, Month.JANUARY, 6))
                || day.equals(easter.minusDays(2))
                || day.equals(easter)
                || day.equals(easter.plusDays(1))
                || day.equals(LocalDate.of(year, Month.MAY, 1))
                || day.equals(easter.plusDays(39))
                || day.equals(easter.plusDays(49))
                || day.equals(LocalDate.of(year, Month.JUNE, 6))
                || day.equals(midsummerEve)
                || day.equals(midsummerEve.plusDays(1))
                || day.equals(allSaints)
                || day.equals(LocalDate.of(year, Month.DECEMBER, 24))
                || day.equals(LocalDate.of(year, Month.DECEMBER, 25))
                || day.equals(LocalDate.of(year, Month.DECEMBER, 26))
                || day.equals(LocalDate.of(year, Month.DECEMBER, 31));
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
