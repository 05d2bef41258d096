package se.coop.api.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.AmendmentId;
import se.coop.api.DocumentRef;
import se.coop.api.PartyId;
import se.coop.api.Signatory;

/**
 * A party signed a text version. {@code counts} is false when it names an earlier version (rule 3); {@code amendmentId}
 * is set when it approves an amendment; {@code document} is the signed copy it rests on, where one was named (revision
 * 1 named none).
 */
@Revision("2")
public record AgreementSigned(
        AgreementId agreementId,
        PartyId partyId,
        String textSha256,
        int textVersion,
        AmendmentId amendmentId,
        boolean counts,
        Signatory signatory,
        LocalDate signedOn,
        String place,
        DocumentRef document)
        implements AgreementEvent {}
