package se.coop.api.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.DocumentRef;
import se.coop.api.PartyId;
import se.coop.api.Signatory;

/**
 * Records a party's signature of the text version named by its SHA-256 (rules 3, 5), resting on the signed copy named
 * by {@code document} where one is given.
 */
public record SignAgreement(
        @TargetAggregateIdentifier AgreementId agreementId,
        PartyId partyId,
        String textSha256,
        Signatory signatory,
        LocalDate signedOn,
        String place,
        DocumentRef document) {}
