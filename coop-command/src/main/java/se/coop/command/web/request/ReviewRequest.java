package se.coop.command.web.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import se.coop.api.AgreementId;
import se.coop.api.DocumentRef;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.ReviewOutcome;
import se.coop.api.Reviewer;
import se.coop.api.command.RecordHeldReview;
import se.coop.api.command.ScheduleAnnualReview;
import se.coop.api.input.Distinct;
import se.coop.command.web.InvalidRequestException;
import se.coop.command.web.Violation;

/**
 * One body for two commands: {@code startsAt} (with location and reviewers) schedules a future meeting; {@code heldOn}
 * (with its outcome, and the minutes it rests on as {@code document}) records one that took place.
 */
public record ReviewRequest(
        @NotNull ReviewKind kind,
        OffsetDateTime startsAt,
        LocalDate heldOn,
        @Size(max = 300) String location,
        @Size(max = 50) @Distinct List<@NotNull @Valid Reviewer> reviewers,
        @Valid ReviewOutcome outcome,
        @Size(max = 300) String title,
        @Valid DocumentRef document) {

    public Object toCommand(AgreementId agreementId, ReviewId reviewId) {
        List<Violation> violations = new ArrayList<>();
        if ((startsAt == null) == (heldOn == null)) {
            violations.add(new Violation(
                    "startsAt", "give either startsAt (to schedule a meeting) or heldOn (to record a held one)"));
        } else if (startsAt != null) {
            if (location == null || location.isBlank()) {
                violations.add(new Violation("location", "must not be blank when scheduling a meeting"));
            }
            if (reviewers == null) {
                violations.add(new Violation("reviewers", "must not be null when scheduling a meeting"));
            }
            if (outcome != null) {
                violations.add(new Violation("outcome", "a scheduled meeting has no outcome yet"));
            }
            if (document != null) {
                violations.add(new Violation("document", "a scheduled meeting has no minutes yet"));
            }
        } else if (outcome == null) {
            violations.add(new Violation("outcome", "must not be null when recording a held meeting"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return startsAt != null
                ? new ScheduleAnnualReview(agreementId, reviewId, kind, startsAt, location, reviewers, title)
                : new RecordHeldReview(
                        agreementId, reviewId, kind, heldOn, location, reviewers, outcome, title, document);
    }
}
