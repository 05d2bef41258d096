package se.coop.app.parties;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.coop.api.CommandRefusedException;
import se.coop.api.PartyKind;
import se.coop.api.register.NewParty;
import se.coop.api.register.PartyNames;
import se.coop.api.register.PartyRegister;

/**
 * {@code --coop.demo=true}: the demo's two parties that are no municipality or region — the company and the
 * university of its seeds — are in the party register too, as a secretariat would have added them, so that a draft
 * can pick them as it picks Køge or Kristianstad.
 */
@Component
@ConditionalOnProperty(name = "coop.demo", havingValue = "true")
class DemoParties {

    static final String ADDED_BY = "coop-demo";

    private static final List<NewParty> PARTIES = List.of(
            new NewParty(
                    "scandlines",
                    new PartyNames(null, "Scandlines", null),
                    PartyKind.COMPANY,
                    "DK",
                    null,
                    List.of("Direktionen")),
            new NewParty(
                    "hogskolan-i-halmstad",
                    new PartyNames("Högskolan i Halmstad", "Halmstad Universitet", "Halmstad University"),
                    PartyKind.UNIVERSITY,
                    "SE",
                    null,
                    List.of("Högskolestyrelsen")));

    private final PartyRegister register;

    DemoParties(PartyRegister register) {
        this.register = register;
    }

    @EventListener(ContextRefreshedEvent.class)
    void add() {
        for (NewParty party : PARTIES) {
            if (register.get(party.partyId()).isEmpty()) {
                try {
                    register.add(party, ADDED_BY);
                } catch (CommandRefusedException alreadyAddedByAnotherNode) {
                    // two nodes starting at once: the other added it
                }
            }
        }
    }
}
