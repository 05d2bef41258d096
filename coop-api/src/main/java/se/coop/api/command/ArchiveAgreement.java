package se.coop.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;

/** Archives an ended agreement; it is read-only from then on (rule 9). */
public record ArchiveAgreement(@TargetAggregateIdentifier AgreementId agreementId) {}
