package se.coop.api.event;

import java.time.OffsetDateTime;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.ReviewId;

/** A scheduled meeting was moved. */
@Revision("1")
public record ReviewRescheduled(
        AgreementId agreementId, ReviewId reviewId, OffsetDateTime startsAt, String location, String reason)
        implements AgreementEvent {}
