package se.coop.api.query;

import java.time.LocalDate;

/**
 * Meetings in a date window, optionally of one party's agreements, with one reviewer (by e-mail), or of one agreement.
 */
public record FindReviews(LocalDate from, LocalDate to, String party, String reviewer, String agreementId) {

    public FindReviews(LocalDate from, LocalDate to, String party, String reviewer) {
        this(from, to, party, reviewer, null);
    }
}
