package se.coop.api.query;

import java.time.Instant;
import java.time.LocalDate;
import se.coop.api.AgreementId;

/** Every act recorded for an agreement; {@code asOf} and {@code validOn} (at most one) as on the status read. */
public record FindAgreementRecords(AgreementId agreementId, Instant asOf, LocalDate validOn) {}
