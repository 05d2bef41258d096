package se.coop.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.BusinessTime;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.query.FindReviews;
import se.coop.api.query.ReviewList;
import se.coop.query.QueryNode;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.reviews.ReviewsProjection;

/** Meetings in a date window, per party or reviewer. */
@QueryNode
@RestController
@RequestMapping(path = "/api/v1/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reviews", description = "Review meetings and other meetings of agreements")
public class ReviewQueryController {

    private final QuerySender queries;
    private final ProjectionStates states;
    private final Clock clock;

    ReviewQueryController(QuerySender queries, ProjectionStates states, Clock clock) {
        this.queries = queries;
        this.states = states;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary = "Meetings in a window",
            description =
                    "from and to are dates (default: today and a year later); party: meetings of that party's"
                            + " agreements; reviewer: meetings with that reviewer (e-mail); agreement: the meetings of one agreement (an agreement id). Earliest first, with reminders.")
    public ResponseEntity<ReviewList> reviews(
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String party,
            @RequestParam(required = false) String reviewer,
            @RequestParam(required = false) String agreement) {
        LocalDate start = from != null ? from : BusinessTime.today(clock);
        LocalDate end = to != null ? to : start.plusYears(1);
        if (end.isBefore(start)) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "to lies before from", "to");
        }
        ReviewList reviews = queries.one(
                new FindReviews(start, end, blank(party), blank(reviewer), blank(agreement)), ReviewList.class);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (states.anyRebuilding(ReviewsProjection.MEETINGS_DRAWN_FROM)) {
            answer.header(AgreementQueryController.REBUILDING, "true");
        }
        return answer.body(reviews);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
