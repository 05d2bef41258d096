package se.coop.api.event;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.DocumentRef;
import se.coop.api.Participant;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;

/**
 * A meeting that already took place was recorded with its outcome, resting on the minutes named by {@code document}
 * where there are any (revision 1 named none).
 */
@Revision("2")
public record ReviewHeld(
        AgreementId agreementId,
        ReviewId reviewId,
        ReviewKind kind,
        LocalDate heldOn,
        String location,
        List<Participant> reviewers,
        String title,
        String summary,
        ReviewDecision decision,
        DocumentRef document)
        implements AgreementEvent {}
