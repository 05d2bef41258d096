package se.coop.api.register;

import java.util.List;
import java.util.Optional;
import se.coop.api.PartyKind;

/** The party register (package {@link se.coop.api.register}). */
public interface PartyRegister {

    /** The most results one search of the API or the page shows. */
    int MOST = 100;

    /**
     * The organisations whose name (in any language), id or official code contains {@code q} — without regard to case
     * or accents, so "koge" finds Køge — of the country and kind given (null for any); names that begin with it first,
     * then by name; at most {@code limit}.
     */
    List<RegisteredParty> search(String q, String country, PartyKind kind, int limit);

    /** The organisation with this id, if registered. */
    Optional<RegisteredParty> get(String partyId);

    /** Adds an organisation; refused with {@code PARTY_ID_TAKEN} when its id is registered already. */
    RegisteredParty add(NewParty party, String addedBy);
}
