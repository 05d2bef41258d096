package se.coop.rules;

import java.time.LocalDate;
import se.coop.api.AppealOutcome;

/** One step in the appeals against a decision (rule 12): lodged, dismissed, or annulled, on a day. */
public record AppealStep(AppealOutcome outcome, LocalDate on) {}
