package se.coop.api.query;

import se.coop.api.LinkType;

/** A link to another cooperation, in Coop ({@code otherAgreementId}) or outside it ({@code otherTitle}). */
public record LinkView(LinkType type, String otherAgreementId, String otherTitle) {}
