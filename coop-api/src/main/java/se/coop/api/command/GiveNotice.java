package se.coop.api.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.PartyId;

/** Records a party's notice: it leaves the agreement when its notice period has passed. */
public record GiveNotice(
        @TargetAggregateIdentifier AgreementId agreementId, PartyId partyId, LocalDate givenOn, String reason) {}
