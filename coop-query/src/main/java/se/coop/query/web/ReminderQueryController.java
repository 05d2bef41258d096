package se.coop.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.input.PlausibleDates;
import se.coop.api.query.FindReminders;
import se.coop.api.query.ReminderList;
import se.coop.query.QueryNode;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.reminders.IssuedReminders;

/** The reminders issued, with how each one's delivery went. */
@QueryNode
@RestController
@RequestMapping(path = "/api/v1/reminders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reviews", description = "Review meetings and other meetings of agreements")
public class ReminderQueryController {

    private final QuerySender queries;
    private final ProjectionStates states;
    private final Clock clock;

    ReminderQueryController(QuerySender queries, ProjectionStates states, Clock clock) {
        this.queries = queries;
        this.states = states;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary = "Reminders issued, newest first",
            description = "reviewer: to that e-mail address; since: an instant with offset or a date (default: 90 days"
                    + " ago). delivery is PENDING, SENDING (its digest is being sent), DELIVERED, LOGGED (kept: no SMTP server or no address), RETRYING or"
                    + " FAILED, with the attempts and the last error.")
    public ResponseEntity<ReminderList> reminders(
            @RequestParam(required = false) String reviewer, @RequestParam(required = false) String since) {
        Instant from = since == null ? clock.instant().minus(Duration.ofDays(90)) : parse(since);
        ReminderList reminders = queries.one(
                new FindReminders(reviewer == null || reviewer.isBlank() ? null : reviewer.strip(), from),
                ReminderList.class);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (states.rebuilding(IssuedReminders.NAME)) {
            answer.header(AgreementQueryController.REBUILDING, "true");
        }
        return answer.body(reminders);
    }

    private static Instant parse(String since) {
        try {
            return PlausibleDates.parseInstantOrDate(since);
        } catch (IllegalArgumentException e) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, e.getMessage(), "since");
        }
    }
}
