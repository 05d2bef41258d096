package se.coop.api.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;

/**
 * The agreement is to end by decision on a day still to come: it stays in force until then, and is terminated that
 * day by a timer of Coop's ({@link AgreementTerminated}). A decided termination is not withdrawn.
 */
@Revision("1")
public record TerminationDecided(AgreementId agreementId, String reason, LocalDate effectiveOn)
        implements AgreementEvent {}
