package se.coop.api.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;

/** Every party had given every required approval, so the agreement entered into force (rule 6). */
@Revision("1")
public record AgreementEnteredIntoForce(
        AgreementId agreementId, int textVersion, String textSha256, LocalDate effectiveFrom)
        implements AgreementEvent {}
