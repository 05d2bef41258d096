package se.coop.api.register;

import java.time.Instant;
import java.util.List;
import se.coop.api.PartyKind;

/**
 * An organisation in the party register: its stable id (the {@code partyId} a draft gives it), its names, kind,
 * country (ISO 3166-1 alpha-2), its official code where it has one (SCB kommunkod or länskod, Danish kommunekode or
 * regionskode, or what a secretariat gave: an organisation number, a CVR number), the names of its boards in the order
 * a draft offers them, and where the entry comes from: {@code source} names the published list a seeded entry is
 * from; {@code addedBy} and {@code addedAt} the user who added one, and when.
 */
public record RegisteredParty(
        String partyId,
        PartyNames names,
        PartyKind kind,
        String country,
        String officialCode,
        List<String> boardNames,
        String source,
        String addedBy,
        Instant addedAt) {

    public RegisteredParty {
        boardNames = boardNames == null ? List.of() : List.copyOf(boardNames);
    }

    /**
     * The name a draft records: the one in the party's own language (Danish for a Danish party, Swedish for a Swedish
     * one, English for others).
     */
    public String ownName() {
        return names.in(PartyNames.languageOf(country));
    }

    /** The board a draft names first, or null when none is known. */
    public String firstBoard() {
        return boardNames.isEmpty() ? null : boardNames.get(0);
    }
}
