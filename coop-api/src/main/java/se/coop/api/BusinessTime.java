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

    private BusinessTime() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The first instant of a business date. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
