package se.coop.api.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;

/** Terminates an agreement in force from a given date. */
public record TerminateAgreement(
        @TargetAggregateIdentifier AgreementId agreementId, String reason, LocalDate effectiveOn) {}
