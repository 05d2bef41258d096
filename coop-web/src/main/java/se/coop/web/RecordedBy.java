package se.coop.web;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.coop.api.query.HistoryEntry;
import se.coop.api.query.PartyStatusView;
import se.coop.api.register.PartyRegister;

/**
 * Who recorded a history entry, and for whom, in the page's words (issue 27, item 2): "av kansli (Halmstads kommun)",
 * or — a secretariat recording for another party, as a joint secretariat does — "av kansli (Halmstads kommun) på
 * uppdrag av Laholms kommun". A party is named as the agreement names it, else as the party register does, else by
 * its id.
 */
@Component("recordedBy")
public class RecordedBy {

    private final Words words;
    private final ObjectProvider<PartyRegister> register;

    RecordedBy(Words words, ObjectProvider<PartyRegister> register) {
        this.words = words;
        this.register = register;
    }

    /** The words for who recorded {@code entry}; {@code parties}: the agreement's, for their names. */
    public String of(HistoryEntry entry, List<PartyStatusView> parties) {
        if (entry.actor() == null) {
            return "";
        }
        String own = entry.actorParties().stream().map(id -> name(id, parties)).collect(Collectors.joining(", "));
        if (entry.onBehalf()) {
            return words.text("history.byOnBehalf", entry.actor(), own, name(entry.partyId(), parties));
        }
        if (!own.isEmpty()) {
            return words.text("history.byOf", entry.actor(), own);
        }
        if (entry.partyId() != null) {
            return words.text("history.byFor", entry.actor(), name(entry.partyId(), parties));
        }
        return words.text("agreement.by", entry.actor());
    }

    private String name(String partyId, List<PartyStatusView> parties) {
        if (parties != null) {
            for (PartyStatusView party : parties) {
                if (partyId.equals(party.partyId())) {
                    return party.name();
                }
            }
        }
        String language = Formats.language();
        String key = language + ":" + partyId;
        synchronized (names) {
            String cached = names.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // a page's history names the same few parties entry after entry: the register is asked once for each
        PartyRegister known = register.getIfAvailable();
        String name = known == null
                ? null
                : known.get(partyId).map(p -> p.names().in(language)).orElse(null);
        if (name == null) {
            // not registered (yet): by its id, and asked again next time
            return partyId;
        }
        synchronized (names) {
            names.put(key, name);
        }
        return name;
    }

    /** Register names by language and id, the most recently used kept (an organisation's names are not changed). */
    private final java.util.Map<String, String> names = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
            return size() > 1000;
        }
    };
}
