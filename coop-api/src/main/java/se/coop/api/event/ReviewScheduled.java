package se.coop.api.event;

import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.Participant;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;

/** A review meeting, or another meeting, was scheduled (rule 7). */
@Revision("1")
public record ReviewScheduled(
        AgreementId agreementId,
        ReviewId reviewId,
        ReviewKind kind,
        OffsetDateTime startsAt,
        String location,
        List<Participant> reviewers,
        String title)
        implements AgreementEvent {}
