package se.coop.api.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.AmendmentId;

/** Every party approved an amendment, so its text version is now the one in force (rule 8). */
@Revision("1")
public record AmendmentEnteredIntoForce(
        AgreementId agreementId, AmendmentId amendmentId, int textVersion, String textSha256, LocalDate effectiveFrom)
        implements AgreementEvent {}
