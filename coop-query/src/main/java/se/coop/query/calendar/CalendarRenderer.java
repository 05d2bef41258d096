package se.coop.query.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;
import se.coop.api.Bidi;
import se.coop.api.BusinessTime;
import se.coop.api.ReviewKind;
import se.coop.api.query.ReviewView;
import se.coop.query.reminders.PublicAddress;
import se.coop.query.reminders.ReminderSettings;

/**
 * Meetings as an iCalendar (RFC 5545) feed: one event per meeting with a stable {@code UID}, a {@code SEQUENCE} that
 * rises with each change, {@code STATUS:CANCELLED} once cancelled, an alarm at each reminder offset, a link back to
 * the agreement, and times in the agreement's own time zone with its {@code VTIMEZONE}.
 */
@Component
public class CalendarRenderer {

    /** Meetings carry no duration in Coop; calendars show two hours. */
    private static final Duration LENGTH = Duration.ofHours(2);

    private final Clock clock;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** A published feed (METHOD:PUBLISH) names its organizer on every event (RFC 5546). */
    private final Organizer organizer;

    CalendarRenderer(Clock clock, ReminderSettings settings) {
        this.clock = clock;
        this.organizer = new Organizer(URI.create("mailto:" + settings.from())).add(new Cn("Coop"));
    }

    /** The meetings as an iCalendar feed, each linking to its agreement under {@code baseUrl}. */
    public String render(String name, List<ReviewView> meetings, String baseUrl) {
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Coop//Coop reviews 1//SV"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(ImmutableMethod.PUBLISH)
                .add(new XProperty("X-WR-CALNAME", name));
        Set<String> usedZones = new TreeSet<>();
        for (ReviewView meeting : meetings) {
            if (meeting.startsAt() == null && meeting.heldOn() == null) {
                continue;
            }
            calendar.add(event(meeting, baseUrl));
            usedZones.add(meeting.timeZone());
        }
        if (usedZones.isEmpty()) {
            // RFC 5545 wants at least one component: a feed without meetings (yet) carries Coop's own time zone
            usedZones.add(BusinessTime.ZONE.getId());
        }
        for (String zone : usedZones) {
            calendar.add(timeZone(zone));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fold(out.toString());
    }

    /**
     * RFC 5545 3.1: content lines are folded at 75 octets — octets of UTF-8, not characters (ical4j counts
     * characters), and never inside a character.
     */
    static String fold(String unfolded) {
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 60);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < line.length(); ) {
                int c = line.codePointAt(i);
                int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                if (octets + size > limit) {
                    folded.append("\r\n ");
                    octets = 1;
                    limit = 75;
                }
                folded.appendCodePoint(c);
                octets += size;
                i += Character.charCount(c);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }

    /** Every kind of line break a text may hold (CR LF, CR, the Unicode separators) as the LF iCalendar escapes. */
    private static String lines(String text) {
        return text == null ? null : text.replaceAll("\r\n|[\r\u0085\u2028\u2029]", "\n");
    }

    /**
     * The zone's VTIMEZONE under the zone's own name: ical4j's data files Europe/Stockholm and Europe/Copenhagen as
     * links to Europe/Berlin, and a TZID used in DTSTART must name a VTIMEZONE of the same feed.
     */
    private VTimeZone timeZone(String zone) {
        VTimeZone timeZone = zones.getTimeZone(zone).getVTimeZone().copy();
        timeZone.replace(new TzId(zone));
        timeZone.removeAll(Property.TZURL, "X-LIC-LOCATION");
        return timeZone;
    }

    private VEvent event(ReviewView meeting, String baseUrl) {
        // a user's text isolated, so a direction control in it cannot turn Coop's words around it
        String what = lines((meeting.title() != null ? Bidi.isolate(meeting.title()) : kind(meeting.kind())) + ": "
                + Bidi.isolate(meeting.agreementTitle().in("sv")));
        VEvent event;
        if (meeting.startsAt() != null) {
            ZonedDateTime start = meeting.startsAt().atZoneSameInstant(ZoneId.of(meeting.timeZone()));
            event = new VEvent(start, start.plus(LENGTH), what);
        } else {
            event = new VEvent(meeting.heldOn(), meeting.heldOn().plusDays(1), what);
        }
        String link = PublicAddress.agreementPage(baseUrl, meeting.agreementId());
        event.replace(new DtStamp(clock.instant()));
        event.add(new Uid(meeting.reviewId() + "@coop"));
        event.add(organizer);
        event.add(new Sequence(meeting.revision()));
        event.add(
                switch (meeting.status()) {
                    case "CANCELLED" -> ImmutableStatus.VEVENT_CANCELLED;
                    default -> ImmutableStatus.VEVENT_CONFIRMED;
                });
        if (meeting.location() != null) {
            event.add(new Location(lines(meeting.location())));
        }
        event.add(new Url(URI.create(link)));
        StringBuilder description =
                new StringBuilder(Bidi.isolate(meeting.agreementTitle().in("sv")));
        if (meeting.outcomeSummary() != null) {
            description.append("\nUtfall: ").append(Bidi.isolate(meeting.outcomeSummary()));
        }
        description.append('\n').append(link);
        event.add(new Description(lines(description.toString())));
        if ("SCHEDULED".equals(meeting.status())) {
            for (int offset : meeting.reminderOffsetsDays()) {
                VAlarm alarm = new VAlarm(Duration.ofDays(-offset));
                alarm.add(ImmutableAction.DISPLAY);
                alarm.add(new Description(what + " om " + offset + " dagar"));
                event.add(alarm);
            }
        }
        return event;
    }

    private static String kind(ReviewKind kind) {
        return kind == ReviewKind.ANNUAL_REVIEW ? "Årlig uppföljning" : "Möte";
    }
}
