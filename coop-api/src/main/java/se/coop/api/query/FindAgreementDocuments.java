package se.coop.api.query;

import java.time.Instant;
import java.time.LocalDate;
import se.coop.api.AgreementId;

/**
 * Every document an agreement names, with what the store holds of each; {@code asOf} and {@code validOn} (at most one)
 * as on the status read.
 */
public record FindAgreementDocuments(AgreementId agreementId, Instant asOf, LocalDate validOn) {}
