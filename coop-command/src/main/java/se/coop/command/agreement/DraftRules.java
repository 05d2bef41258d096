package se.coop.command.agreement;

import java.util.List;
import se.coop.api.Party;

/**
 * The rules a draft's parties are held to (rule 1: at least two, each id once, exactly one lead), for a page that names
 * every problem of its form at once: the very check the aggregate makes, refused with the same {@code CommandRefused}.
 */
public final class DraftRules {

    private DraftRules() {}

    /** Rule 1, as drafting and revising hold a draft's parties to it. */
    public static void requireValidParties(List<Party> parties) {
        Parties.requireValid(parties);
    }
}
