package se.coop.api.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.PartyId;

/** A party gave notice; it leaves on {@code leavesOn}, when its notice period has passed. */
@Revision("1")
public record NoticeGiven(
        AgreementId agreementId, PartyId partyId, LocalDate givenOn, LocalDate leavesOn, String reason)
        implements AgreementEvent {}
