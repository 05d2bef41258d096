package se.coop.api.query;

/** How many agreements there are in each state, under the list's other filters (any may be null). */
public record CountAgreements(String party, String country, String focusArea, String text) {}
