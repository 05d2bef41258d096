package se.coop.api.event;

import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.PartyId;

/** A party was removed before the agreement entered into force. */
@Revision("1")
public record PartyRemoved(AgreementId agreementId, PartyId partyId, String reason) implements AgreementEvent {}
