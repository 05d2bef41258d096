package se.coop.api.query;

import se.coop.api.AgreementId;

/** The agreements that link to one: its parts, its successors, its annexes. */
public record FindLinksTo(AgreementId agreementId) {}
