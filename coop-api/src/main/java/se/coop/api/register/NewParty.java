package se.coop.api.register;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.coop.api.PartyKind;
import se.coop.api.ValueChecks;

/**
 * An organisation a secretariat adds to the party register. {@code partyId} may be left out: it is then made from the
 * first name given ("Högskolan i Halmstad" → {@code hogskolan-i-halmstad}).
 */
public record NewParty(
        @Pattern(
                regexp = "(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be 1 to 64 lower-case letters a-z,"
                        + " digits and single hyphens, e.g. hogskolan-i-halmstad")
        String partyId,

        @NotNull @Valid PartyNames names,
        @NotNull PartyKind kind,
        @NotNull String country,
        @Size(max = 40) String officialCode,
        @Size(max = 10) List<@NotNull @Size(min = 1, max = 200) String> boardNames) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public NewParty {
        partyId = ValueChecks.trimToNull(partyId);
        officialCode = ValueChecks.trimToNull(officialCode);
        country = country == null ? null : country.trim().toUpperCase(Locale.ROOT);
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

    @AssertTrue(message = "must name the organisation in at least one of sv, da and en")
    public boolean isNamesGiven() {
        return names == null || !names.none();
    }

    @AssertTrue(message = "must be an ISO 3166-1 alpha-2 code such as SE or DK")
    public boolean isCountryKnown() {
        return country == null || COUNTRIES.contains(country);
    }
}
