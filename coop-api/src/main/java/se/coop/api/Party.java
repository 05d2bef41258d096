package se.coop.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.coop.api.input.Distinct;

/**
 * A party to an agreement as drafted (rule 1): its body whose decision binds it, its country, the approvals it must
 * give (rule 2, default both) and whether it leads.
 */
public record Party(
        @NotNull PartyId partyId,
        @NotBlank @Size(max = 200) String name,
        @NotNull PartyKind kind,
        @NotNull String country,
        @NotBlank @Size(max = 200) String adoptingBody,

        @Size(min = 1, message = "name at least one of SIGNATURE, BOARD_ADOPTION, or leave requires out for both")
        @Distinct
        List<@NotNull ApprovalType> requires,

        Boolean lead) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Party {
        name = ValueChecks.trimToNull(name);
        adoptingBody = ValueChecks.trimToNull(adoptingBody);
        if (country != null && !COUNTRIES.contains(country)) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as SE or DK");
        }
        requires = requires == null
                ? List.of(ApprovalType.SIGNATURE, ApprovalType.BOARD_ADOPTION)
                : Collections.unmodifiableList(new ArrayList<>(requires));
        lead = Boolean.TRUE.equals(lead);
    }

    public boolean requiresSignature() {
        return requires.contains(ApprovalType.SIGNATURE);
    }

    public boolean requiresBoardAdoption() {
        return requires.contains(ApprovalType.BOARD_ADOPTION);
    }

    public boolean inSweden() {
        return "SE".equals(country);
    }
}
