package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.coop.api.BusinessTime;
import se.coop.documents.DocumentController;
import se.coop.query.QueryNode;
import se.coop.query.web.AdminController;
import se.coop.web.FormCommands;
import se.coop.web.FormCommands.Kind;
import se.coop.web.Permissions;
import se.coop.web.ProblemDescriber;
import se.coop.web.Words;

/**
 * The operator's view: each read model's position, lag, dead letters and stalls, and its rebuild; the document store —
 * what it holds, the scrub, damaged documents — and culling a document under the archive authority's decision. While
 * a rebuild runs the page reloads itself every second, so its progress bar moves without any script.
 */
@Controller
@QueryNode
class OperatorPage {

    private static final Map<String, Kind> CULL_FIELDS = Map.of("decision", Kind.TEXT, "decidedOn", Kind.TEXT);

    private final AdminController admin;
    private final DocumentController documents;
    private final FormCommands forms;
    private final ProblemDescriber problems;
    private final Permissions permissions;
    private final Words words;

    private final se.coop.query.calendar.CalendarController calendar;
    private final se.coop.api.register.PartyRegister register;
    private final se.coop.query.webhooks.WebhookController webhooks;

    OperatorPage(
            AdminController admin,
            DocumentController documents,
            FormCommands forms,
            ProblemDescriber problems,
            Permissions permissions,
            Words words,
            se.coop.query.calendar.CalendarController calendar,
            se.coop.api.register.PartyRegister register,
            se.coop.query.webhooks.WebhookController webhooks) {
        this.calendar = calendar;
        this.webhooks = webhooks;
        this.register = register;
        this.admin = admin;
        this.documents = documents;
        this.forms = forms;
        this.problems = problems;
        this.permissions = permissions;
        this.words = words;
    }

    @GetMapping("/operator")
    String show(Model model) {
        return render(model, Map.of(), null);
    }

    private String render(Model model, Map<String, String> values, FormCommands.Problem problem) {
        permissions.require("GET", "/api/v1/admin/projections");
        AdminController.Projections projections = admin.projections();
        model.addAttribute("projections", projections.projections());
        model.addAttribute("processors", projections.processors());
        model.addAttribute("rebuilding", projections.projections().stream().anyMatch(p -> p.rebuilding()));
        model.addAttribute("documents", permissions.mayRead("/api/v1/admin/documents") ? documents.summary() : null);
        model.addAttribute("mayCull", permissions.mayPost("/api/v1/documents/x/culling"));
        model.addAttribute("cullKey", FormCommands.newKey());
        model.addAttribute("values", values);
        model.addAttribute("problem", problem);
        FeedList.addTo(model, permissions, calendar, register);
        // the webhook subscriptions that no longer receive their events: disabled (410) or suspended (failing)
        model.addAttribute(
                "stoppedWebhooks",
                permissions.mayRead("/api/v1/webhooks")
                        ? webhooks
                                .list(org.springframework.security.core.context.SecurityContextHolder.getContext()
                                        .getAuthentication())
                                .stream()
                                .filter(subscription -> !"ACTIVE".equals(subscription.state()))
                                .toList()
                        : java.util.List.of());
        return "operator";
    }

    @PostMapping("/operator/{name}/rebuild")
    String rebuild(@PathVariable String name) {
        permissions.require("POST", "/api/v1/admin/projections/" + name + "/rebuild");
        admin.rebuild(name);
        return "redirect:/operator";
    }

    /** Culls a document as {@code POST /api/v1/documents/{sha256}/culling} does, from the form's fields. */
    @PostMapping("/operator/documents/culling")
    String cull(
            HttpServletRequest request,
            HttpServletResponse response,
            Principal user,
            Model model,
            RedirectAttributes redirect) {
        String sha256 = request.getParameter("sha256") == null
                ? ""
                : request.getParameter("sha256").strip();
        try {
            permissions.require("POST", "/api/v1/documents/" + sha256 + "/culling");
            DocumentController.CullRequest body =
                    forms.read(request, CULL_FIELDS, () -> BusinessTime.ZONE, DocumentController.CullRequest.class);
            documents.cull(sha256, body, user);
        } catch (Exception e) {
            FormCommands.Problem problem = FormCommands.problem(problems.describe(e));
            if (problem.errorCode().equals("DOCUMENT_NOT_FOUND")) {
                Map<String, String> fields = new LinkedHashMap<>(problem.fields());
                fields.put("sha256", words.text("error.DOCUMENT_NOT_FOUND"));
                problem = new FormCommands.Problem(problem.errorCode(), problem.status(), problem.detail(), fields);
            }
            response.setStatus(problem.status());
            Map<String, String> values = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, given) -> values.put(name, given.length == 0 ? "" : given[0]));
            return render(model, values, problem);
        }
        redirect.addFlashAttribute("done", words.text("operator.cull.done"));
        return "redirect:/operator#documents";
    }
}
