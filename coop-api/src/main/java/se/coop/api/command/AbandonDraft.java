package se.coop.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;

/** Abandons an agreement that never entered into force. */
public record AbandonDraft(@TargetAggregateIdentifier AgreementId agreementId, String reason) {}
