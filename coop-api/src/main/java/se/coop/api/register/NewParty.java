package se.coop.api.register;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.coop.api.PartyKind;
import se.coop.api.ValueChecks;
import se.coop.api.input.CountryCode;

/**
 * An organisation a secretariat adds to the party register. {@code partyId} may be left out: it is then made from the
 * name in the party's own language ("Högskolan i Halmstad" → {@code hogskolan-i-halmstad}); blank board names are
 * dropped, and one named twice is named once.
 */
public record NewParty(
        @Pattern(
                regexp = "(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be 1 to 64 lower-case letters a-z,"
                        + " digits and single hyphens, e.g. hogskolan-i-halmstad")
        String partyId,

        @NameGiven @Valid PartyNames names,
        @NotNull PartyKind kind,
        @NotNull @CountryCode String country,
        @Size(max = 40) String officialCode,
        @Size(max = 10) List<@Size(max = 200) String> boardNames) {

    public NewParty {
        partyId = ValueChecks.trimToNull(partyId);
        officialCode = ValueChecks.trimToNull(officialCode);
        country =
                ValueChecks.trimToNull(country) == null ? null : country.trim().toUpperCase(Locale.ROOT);
        List<String> boards = new ArrayList<>();
        if (boardNames != null) {
            for (String board : boardNames) {
                String trimmed = ValueChecks.trimToNull(board);
                if (trimmed != null && !boards.contains(trimmed)) {
                    boards.add(trimmed);
                }
            }
        }
        boardNames = List.copyOf(boards);
    }
}
