package se.coop.command.reminders;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import se.coop.api.PartyId;
import se.coop.api.Reviewer;

/**
 * Where a party's secretariat (kansli) receives reminders — an overdue review, a council report — since parties carry
 * no e-mail address of their own: {@code coop.reminders.secretariats.<partyId>}, else
 * {@code coop.reminders.secretariat-fallback}. Without either, such reminders are kept and logged.
 */
@ConfigurationProperties("coop.reminders")
public record SecretariatContacts(Map<String, String> secretariats, String secretariatFallback) {

    public SecretariatContacts {
        secretariats = secretariats == null ? Map.of() : Map.copyOf(secretariats);
    }

    Reviewer of(PartyId party, String partyName) {
        String email = secretariats.getOrDefault(party.toString(), secretariatFallback);
        return new Reviewer("Kansliet, " + partyName, email, party);
    }
}
