package se.coop.api.reminder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import se.coop.api.AgreementId;
import se.coop.api.PartyId;
import se.coop.api.ReviewId;

/**
 * Identifies a reminder plan and its stream: {@code meeting-<reviewId>}, {@code overdue-<agreementId>} or
 * {@code council-report-<agreementId>-<partyId>}.
 */
public record ReminderPlanId(@JsonValue String value) {

    public ReminderPlanId {
        if (value == null
                || !(value.startsWith("meeting-")
                        || value.startsWith("overdue-")
                        || value.startsWith("council-report-"))) {
            throw new IllegalArgumentException("not a reminder plan id: " + value);
        }
    }

    @JsonCreator
    public static ReminderPlanId of(String value) {
        return new ReminderPlanId(value);
    }

    public static ReminderPlanId meeting(ReviewId reviewId) {
        return new ReminderPlanId("meeting-" + reviewId);
    }

    public static ReminderPlanId overdue(AgreementId agreementId) {
        return new ReminderPlanId("overdue-" + agreementId);
    }

    public static ReminderPlanId councilReport(AgreementId agreementId, PartyId partyId) {
        return new ReminderPlanId("council-report-" + agreementId + "-" + partyId);
    }

    @Override
    public String toString() {
        return value;
    }
}
