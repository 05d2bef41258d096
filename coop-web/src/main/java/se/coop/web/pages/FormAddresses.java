package se.coop.web.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.coop.api.AgreementId;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;

/**
 * The address a form posts to, opened as a page — a confirmation reloaded, a page bookmarked after a form, the back
 * button — leads to the form on the agreement's page rather than to "method not allowed": nothing is sent by it.
 */
@Controller
class FormAddresses {

    @GetMapping({
        "/agreements/{id}/{form:abandon|amend|appeal|archive|decide|documents|link|notice|remove-party|reviews|revise"
                + "|sign|submit|terminate}",
        "/agreements/{id}/reviews/{form:held}"
    })
    String toTheForm(@PathVariable String id, @PathVariable String form) {
        return "redirect:/agreements/" + agreement(id) + "#form-" + anchor(form);
    }

    @GetMapping("/agreements/{id}/reviews/{reviewId}/{form:cancel|move|outcome}")
    String toTheMeeting(@PathVariable String id) {
        return "redirect:/agreements/" + agreement(id) + "#meetings-heading";
    }

    private static String agreement(String id) {
        try {
            return AgreementId.of(id).toString();
        } catch (IllegalArgumentException e) {
            throw new CoopProblem(ErrorCode.AGREEMENT_NOT_FOUND, "There is no agreement " + id + ".");
        }
    }

    /** The form's id on the agreement's page, where it differs from its address. */
    private static String anchor(String form) {
        return switch (form) {
            case "remove-party" -> "remove";
            case "reviews" -> "review";
            case "documents" -> "document";
            default -> form;
        };
    }
}
