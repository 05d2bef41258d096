package se.coop.api.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;

/** The agreement was terminated by decision, or because fewer than two parties remain. */
@Revision("1")
public record AgreementTerminated(AgreementId agreementId, String reason, LocalDate effectiveOn, TerminationCause cause)
        implements AgreementEvent {}
