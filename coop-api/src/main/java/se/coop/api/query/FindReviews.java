package se.coop.api.query;

import java.time.LocalDate;

/** Meetings in a date window, optionally of one party's agreements or with one reviewer (by e-mail). */
public record FindReviews(LocalDate from, LocalDate to, String party, String reviewer) {}
