package se.coop.api.query;

import java.util.List;

/**
 * The links other agreements hold to one agreement: each with the other's link type ({@code SUCCEEDS}: the other
 * succeeds this one), the other agreement's id and its title.
 */
public record LinksTo(String agreementId, List<LinkView> links) {}
