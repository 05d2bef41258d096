package se.coop.api.query;

import se.coop.api.AgreementId;

/** The decision history of one agreement in plain words, in {@code language} (sv or en). */
public record FindHistory(AgreementId agreementId, String language) {}
