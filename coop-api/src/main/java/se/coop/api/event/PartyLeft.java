package se.coop.api.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.PartyId;

/** A party's notice period passed and it left the agreement. */
@Revision("1")
public record PartyLeft(AgreementId agreementId, PartyId partyId, LocalDate leftOn) implements AgreementEvent {}
