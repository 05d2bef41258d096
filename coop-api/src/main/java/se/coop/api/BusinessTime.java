package se.coop.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates are dates in Europe/Stockholm; Danish parties share the offset (Europe/Copenhagen). Everything that
 * reads the time does so through one injected {@link Clock}.
 */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private BusinessTime() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** An agreement's own time zone, its meetings' local time: Europe/Copenhagen when a Danish party leads. */
    public static ZoneId zoneOf(String leadCountry) {
        return "DK".equals(leadCountry) ? COPENHAGEN : ZONE;
    }

    /** The first instant of a business date. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
