package se.coop.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.PartyId;

/** Removes a party before the agreement enters into force (rule 4). */
public record RemoveParty(@TargetAggregateIdentifier AgreementId agreementId, PartyId partyId, String reason) {}
