package se.coop.api.query;

import java.util.List;

/** How many agreements are in each state, under the list's filters but state ({@link ListAgreements}). */
public record CountAgreements(String party, String country, String focusArea, String text, List<String> owing) {

    public CountAgreements {
        owing = owing == null || owing.isEmpty() ? null : List.copyOf(owing);
    }

    public CountAgreements(String party, String country, String focusArea, String text) {
        this(party, country, focusArea, text, null);
    }
}
