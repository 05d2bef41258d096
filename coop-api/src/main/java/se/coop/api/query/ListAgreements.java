package se.coop.api.query;

import se.coop.api.AgreementState;

/** A page of agreements, filtered by state, party, country, focus area and free text; any filter may be null. */
public record ListAgreements(
        AgreementState state, String party, String country, String focusArea, String text, int page, int size) {}
