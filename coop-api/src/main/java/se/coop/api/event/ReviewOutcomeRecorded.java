package se.coop.api.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.DocumentRef;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;

/**
 * A scheduled meeting was held and its outcome recorded, resting on the minutes named by {@code document} where there
 * are any (revision 1 named none).
 */
@Revision("2")
public record ReviewOutcomeRecorded(
        AgreementId agreementId,
        ReviewId reviewId,
        LocalDate heldOn,
        String summary,
        ReviewDecision decision,
        DocumentRef document)
        implements AgreementEvent {}
