package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.coop.api.BusinessTime;
import se.coop.api.register.PartyRegister;
import se.coop.query.QueryNode;
import se.coop.query.webhooks.WebhookController;
import se.coop.query.webhooks.WebhookOutbox;
import se.coop.query.webhooks.WebhookSubscriptions;
import se.coop.web.FormCommands;
import se.coop.web.Formats;
import se.coop.web.Permissions;
import se.coop.web.ProblemDescriber;

/**
 * The webhook subscriptions a secretariat or an operator may see: each with its state and its delivery log, a form
 * to subscribe an endpoint (its secret shown once, as made) and a button to remove one — the API's own endpoints
 * behind every one of them.
 */
@Controller
@QueryNode
class WebhooksPage {

    /** The form's fields: the request body of {@code POST /api/v1/webhooks}. */
    private static final Map<String, FormCommands.Kind> FIELDS = Map.of(
            "url", FormCommands.Kind.TEXT,
            "types", FormCommands.Kind.CHOICES,
            "partyId", FormCommands.Kind.TEXT,
            "description", FormCommands.Kind.TEXT,
            "notifyEmail", FormCommands.Kind.TEXT,
            "scheme", FormCommands.Kind.TEXT);

    private final WebhookController webhooks;
    private final Permissions permissions;
    private final FormCommands forms;
    private final ProblemDescriber problems;
    private final PartyRegister register;

    WebhooksPage(
            WebhookController webhooks,
            Permissions permissions,
            FormCommands forms,
            ProblemDescriber problems,
            PartyRegister register) {
        this.register = register;
        this.webhooks = webhooks;
        this.permissions = permissions;
        this.forms = forms;
        this.problems = problems;
    }

    private static Authentication user() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    @GetMapping("/webhooks")
    String list(Model model) {
        permissions.require("GET", "/api/v1/webhooks");
        fill(model);
        return "webhooks";
    }

    @PostMapping("/webhooks")
    String create(HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        permissions.require("POST", "/api/v1/webhooks");
        try {
            WebhookController.WebhookRequest body =
                    forms.read(request, FIELDS, () -> BusinessTime.ZONE, WebhookController.WebhookRequest.class);
            // shown once, on the page the browser is sent to: reloading it sends nothing again
            redirect.addFlashAttribute("made", webhooks.create(body, user()).getBody());
            return "redirect:/webhooks";
        } catch (RuntimeException e) {
            FormCommands.Problem problem = FormCommands.problem(problems.describe(e));
            model.addAttribute("problem", problem);
            model.addAttribute(
                    "form",
                    Map.of(
                            "url",
                            value(request, "url"),
                            "partyId",
                            value(request, "partyId"),
                            "description",
                            value(request, "description"),
                            "notifyEmail",
                            value(request, "notifyEmail"),
                            "scheme",
                            value(request, "scheme")));
            String[] types = request.getParameterValues("types");
            model.addAttribute("chosenTypes", types == null ? List.of() : List.of(types));
            response.setStatus(problem.status());
        }
        fill(model);
        return "webhooks";
    }

    @GetMapping("/webhooks/{subscriptionId}")
    String deliveries(@PathVariable String subscriptionId, Model model) {
        permissions.require("GET", "/api/v1/webhooks/" + subscriptionId + "/deliveries");
        model.addAttribute("subscription", webhooks.get(subscriptionId, user()));
        model.addAttribute("deliveries", webhooks.deliveries(subscriptionId, null, user()));
        return "webhook";
    }

    @PostMapping("/webhooks/{subscriptionId}/ping")
    String ping(@PathVariable String subscriptionId, RedirectAttributes redirect) {
        return onTheLog(subscriptionId, "/ping", redirect, "ping", () -> webhooks.ping(subscriptionId, user()));
    }

    /** A new secret, shown once on the page the browser is sent to. */
    @PostMapping("/webhooks/{subscriptionId}/secret")
    String rotate(@PathVariable String subscriptionId, RedirectAttributes redirect) {
        return onTheLog(subscriptionId, "/secret", redirect, "made", () -> webhooks.rotate(subscriptionId, user()));
    }

    @PostMapping("/webhooks/{subscriptionId}/redeliver")
    String redeliver(
            @PathVariable String subscriptionId,
            @org.springframework.web.bind.annotation.RequestParam String eventId,
            RedirectAttributes redirect) {
        return onTheLog(
                subscriptionId,
                "/redeliveries",
                redirect,
                "queued",
                () -> webhooks.redeliver(
                                subscriptionId, new WebhookController.RedeliveryRequest(eventId, null, null), user())
                        .getBody()
                        .queued());
    }

    /**
     * A button of the delivery log's page: the API's {@code POST} at {@code path} under the subscription, its answer
     * (or why it was refused) shown on the log again.
     */
    private String onTheLog(
            String subscriptionId,
            String path,
            RedirectAttributes redirect,
            String shownAs,
            java.util.function.Supplier<Object> action) {
        permissions.require("POST", "/api/v1/webhooks/" + subscriptionId + path);
        try {
            redirect.addFlashAttribute(shownAs, action.get());
        } catch (RuntimeException e) {
            redirect.addFlashAttribute(
                    "actionProblem", FormCommands.problem(problems.describe(e)).detail());
        }
        return "redirect:/webhooks/" + subscriptionId;
    }

    @PostMapping("/webhooks/{subscriptionId}/delete")
    String delete(@PathVariable String subscriptionId, RedirectAttributes redirect) {
        permissions.require("DELETE", "/api/v1/webhooks/" + subscriptionId);
        try {
            webhooks.delete(subscriptionId, user());
            redirect.addFlashAttribute("deleted", true);
        } catch (RuntimeException e) {
            redirect.addFlashAttribute(
                    "deleteProblem", FormCommands.problem(problems.describe(e)).detail());
        }
        return "redirect:/webhooks";
    }

    private void fill(Model model) {
        List<WebhookSubscriptions.Subscription> subscriptions = webhooks.list(user());
        model.addAttribute("subscriptions", subscriptions);
        // each party by its name, as the party register holds it (FeedList does the same for calendar feeds)
        Map<String, String> partyNames = new java.util.HashMap<>();
        for (WebhookSubscriptions.Subscription subscription : subscriptions) {
            if (subscription.partyId() != null) {
                partyNames.computeIfAbsent(
                        subscription.partyId(),
                        id -> register.get(id)
                                .map(found -> found.names().in(Formats.language()))
                                .orElse(id));
            }
        }
        model.addAttribute("partyNames", partyNames);
        model.addAttribute("types", WebhookOutbox.TYPES.stream().sorted().toList());
        model.addAttribute("mayCreate", permissions.mayPost("/api/v1/webhooks"));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
            model.addAttribute("chosenTypes", List.of());
        }
    }

    private static String value(HttpServletRequest request, String name) {
        String given = request.getParameter(name);
        return given == null ? "" : given;
    }
}
