package se.coop.api.query;

import java.time.Instant;
import java.time.LocalDate;
import se.coop.api.AgreementId;

/**
 * The status of one agreement: as the read model holds it, or rebuilt from its events as Coop had recorded them at
 * {@code asOf}, or as it stood on {@code validOn} by the decisions' own dates. At most one of the two is given.
 */
public record FindAgreementStatus(AgreementId agreementId, Instant asOf, LocalDate validOn) {}
