package se.coop.command.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import se.coop.api.Participant;
import se.coop.api.PartyId;

/**
 * What planning reminders needs to know from the configuration ({@code coop.reminders.*}):
 *
 * <ul>
 *   <li>where a party's secretariat (kansli) receives reminders — an overdue review, a council report — since parties
 *       carry no e-mail address of their own: {@code secretariats.<partyId>}, else {@code secretariat-fallback};
 *       without either, such reminders are kept and logged;
 *   <li>{@code overdue-grace} (default one hour): an agreement that Coop learns is overdue already — its history
 *       being recorded after the fact — is reminded of that only this long after Coop learned it, so a secretariat
 *       that goes on to record the reviews that were held is not reminded of what it was about to record.
 * </ul>
 */
@ConfigurationProperties("coop.reminders")
public record PlanningSettings(Map<String, String> secretariats, String secretariatFallback, Duration overdueGrace) {

    public PlanningSettings {
        secretariats = secretariats == null ? Map.of() : Map.copyOf(secretariats);
        overdueGrace = overdueGrace == null ? Duration.ofHours(1) : overdueGrace;
    }

    Participant secretariatOf(PartyId party, String partyName) {
        String email = secretariats.getOrDefault(party.toString(), secretariatFallback);
        return new Participant("Kansliet, " + partyName, party, null, email);
    }

    /** When an overdue reminder falls due: when the review became overdue, but not before the grace has passed. */
    Instant overdueReminderAt(Instant becameOverdue, Instant learned) {
        Instant earliest = learned.plus(overdueGrace);
        return becameOverdue.isAfter(earliest) ? becameOverdue : earliest;
    }
}
