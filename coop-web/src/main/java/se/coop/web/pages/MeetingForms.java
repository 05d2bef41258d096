package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.coop.command.web.request.CancelReviewRequest;
import se.coop.command.web.request.RecordReviewOutcomeRequest;
import se.coop.command.web.request.RescheduleReviewRequest;
import se.coop.command.web.request.ReviewRequest;
import se.coop.query.QueryNode;
import se.coop.web.FormCommands;
import se.coop.web.FormCommands.Kind;
import se.coop.web.pages.AgreementForms.Form;

/**
 * The political leadership's meetings on an agreement: one planned, moved or cancelled, its outcome recorded with the
 * minutes — and a meeting that took place without ever being planned in Coop, recorded afterwards with its outcome.
 */
@Controller
@QueryNode
class MeetingForms {

    private static final Map<String, Kind> REVIEW_FIELDS = Map.of(
            "kind", Kind.TEXT,
            "title", Kind.TEXT,
            "startsAt", Kind.LOCAL_DATE_TIME,
            "location", Kind.TEXT,
            "reviewers", Kind.REVIEWERS);

    private static final Map<String, Kind> HELD_FIELDS = Map.of(
            "kind", Kind.TEXT,
            "title", Kind.TEXT,
            "heldOn", Kind.TEXT,
            "location", Kind.TEXT,
            "reviewers", Kind.REVIEWERS,
            "outcome.summary", Kind.TEXT,
            "outcome.decision", Kind.TEXT,
            "document.sha256", Kind.TEXT);

    private static final Map<String, Kind> MOVE_FIELDS = Map.of(
            "startsAt", Kind.LOCAL_DATE_TIME,
            "location", Kind.TEXT,
            "reason", Kind.TEXT);

    private static final Map<String, Kind> OUTCOME_FIELDS = Map.of(
            "heldOn", Kind.TEXT,
            "summary", Kind.TEXT,
            "decision", Kind.TEXT,
            "document.sha256", Kind.TEXT);

    private final AgreementForms forms;

    MeetingForms(AgreementForms forms) {
        this.forms = forms;
    }

    @PostMapping("/agreements/{id}/reviews")
    String review(
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.send(
                id,
                new Form<>(
                                "review",
                                "/reviews",
                                REVIEW_FIELDS,
                                ReviewRequest.class,
                                (context, body) -> forms.commands().review(context, id, body))
                        .requiring("startsAt", "location"),
                request,
                response,
                model,
                redirect);
    }

    @PostMapping("/agreements/{id}/reviews/held")
    String held(
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.send(
                id,
                new Form<>(
                                "held",
                                "/reviews",
                                HELD_FIELDS,
                                ReviewRequest.class,
                                (context, body) -> forms.commands().review(context, id, body),
                                List.of(new FormCommands.Upload("document.file", "document.sha256", null)))
                        .requiring("heldOn", "outcome.summary", "outcome.decision"),
                request,
                response,
                model,
                redirect);
    }

    @PostMapping("/agreements/{id}/reviews/{reviewId}/move")
    String move(
            @PathVariable String id,
            @PathVariable String reviewId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.send(
                id,
                new Form<>(
                        "move-" + reviewId,
                        "/reviews/" + reviewId + "/reschedule",
                        MOVE_FIELDS,
                        RescheduleReviewRequest.class,
                        (context, body) -> forms.commands().rescheduleReview(context, id, reviewId, body)),
                request,
                response,
                model,
                redirect);
    }

    @PostMapping("/agreements/{id}/reviews/{reviewId}/cancel")
    String cancel(
            @PathVariable String id,
            @PathVariable String reviewId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.send(
                id,
                new Form<>(
                        "cancel-" + reviewId,
                        "/reviews/" + reviewId + "/cancellation",
                        Map.of("reason", Kind.TEXT),
                        CancelReviewRequest.class,
                        (context, body) -> forms.commands().cancelReview(context, id, reviewId, body)),
                request,
                response,
                model,
                redirect);
    }

    @PostMapping("/agreements/{id}/reviews/{reviewId}/outcome")
    String outcome(
            @PathVariable String id,
            @PathVariable String reviewId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.send(
                id,
                new Form<>(
                        "outcome-" + reviewId,
                        "/reviews/" + reviewId + "/outcome",
                        OUTCOME_FIELDS,
                        RecordReviewOutcomeRequest.class,
                        (context, body) -> forms.commands().recordReviewOutcome(context, id, reviewId, body),
                        ApprovalForms.ACT_DOCUMENT),
                request,
                response,
                model,
                redirect);
    }
}
