package se.coop.api.query;

import java.util.List;
import se.coop.api.AgreementState;

/**
 * A page of agreements, filtered by state, party, country, focus area and free text, and by the parties that still owe
 * something ({@code owing}: an agreement where one of them owes a decision, a signature or an amendment's approval —
 * {@link Owed}); any filter may be null.
 */
public record ListAgreements(
        AgreementState state,
        String party,
        String country,
        String focusArea,
        String text,
        int page,
        int size,
        List<String> owing) {

    public ListAgreements {
        owing = owing == null || owing.isEmpty() ? null : List.copyOf(owing);
    }

    public ListAgreements(
            AgreementState state, String party, String country, String focusArea, String text, int page, int size) {
        this(state, party, country, focusArea, text, page, size, null);
    }
}
