package se.coop.api.query;

import java.util.Map;
import se.coop.api.AgreementState;

/** The number of agreements in each state (every state named, zero included) and in all. */
public record AgreementCounts(Map<AgreementState, Long> byState, long total) {}
