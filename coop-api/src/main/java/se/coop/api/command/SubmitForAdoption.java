package se.coop.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;

/** Freezes the current text version and asks the parties to approve it. */
public record SubmitForAdoption(@TargetAggregateIdentifier AgreementId agreementId) {}
