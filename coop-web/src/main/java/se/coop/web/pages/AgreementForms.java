package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.coop.api.BusinessTime;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.PartyStatusView;
import se.coop.command.web.AgreementCommandController;
import se.coop.query.QueryNode;
import se.coop.query.web.AgreementQueryController;
import se.coop.web.FormCommands;
import se.coop.web.FormCommands.Kind;
import se.coop.web.Permissions;
import se.coop.web.ProblemDescriber;
import se.coop.web.Words;

/**
 * What every form of an agreement's page does, whichever use case it belongs to: it is sent as the API call it stands
 * for ({@link FormCommands}); done, the reader goes back to the agreement; refused, the agreement's page is shown again
 * with the form as typed and every problem of it. A form whose act cannot be undone is first shown back with its
 * consequence in words, and sent only once that is confirmed.
 */
@Component
@QueryNode
class AgreementForms {

    /** The parameter a confirmation page sends: {@code yes} to send the form, {@code no} to change it. */
    static final String CONFIRMED = "confirmed";

    /**
     * One form: its name (the message keys {@code form.<name>.*}, the element {@code form-<name>}), the API endpoint it
     * stands for (after {@code /api/v1/agreements/{id}}), its fields, the request body and the call.
     */
    record Form<T>(
            String name,
            String apiSuffix,
            Map<String, Kind> fields,
            Class<T> type,
            FormCommands.Call<T> call,
            List<FormCommands.Upload> uploads,
            Set<String> required) {

        Form(String name, String apiSuffix, Map<String, Kind> fields, Class<T> type, FormCommands.Call<T> call) {
            this(name, apiSuffix, fields, type, call, List.of(), Set.of());
        }

        Form(
                String name,
                String apiSuffix,
                Map<String, Kind> fields,
                Class<T> type,
                FormCommands.Call<T> call,
                List<FormCommands.Upload> uploads) {
            this(name, apiSuffix, fields, type, call, uploads, Set.of());
        }

        /** The same form, with fields it requires though the API's request does not always (see FormCommands). */
        Form<T> requiring(String... fields) {
            return new Form<>(name, apiSuffix, this.fields, type, call, uploads, Set.of(fields));
        }

        /** The form's family: {@code move-<meeting>} is a {@code move} form. */
        String family() {
            return name.replaceFirst("-.*", "");
        }
    }

    private final AgreementPage page;
    private final ObjectProvider<AgreementCommandController> commands;
    private final FormCommands forms;
    private final AgreementQueryController agreements;
    private final Permissions permissions;
    private final ProblemDescriber problems;
    private final Words words;

    AgreementForms(
            AgreementPage page,
            ObjectProvider<AgreementCommandController> commands,
            FormCommands forms,
            AgreementQueryController agreements,
            Permissions permissions,
            ProblemDescriber problems,
            Words words) {
        this.page = page;
        this.commands = commands;
        this.forms = forms;
        this.agreements = agreements;
        this.permissions = permissions;
        this.problems = problems;
        this.words = words;
    }

    /** The API's command controller on this node; a query-only node takes no commands. */
    AgreementCommandController commands() {
        AgreementCommandController controller = commands.getIfAvailable();
        if (controller == null) {
            throw new CoopProblem(ErrorCode.NOT_FOUND, "This Coop node takes no commands.");
        }
        return controller;
    }

    /** Sends {@code form}: back to the agreement when done, the page with the form's problems when refused. */
    <T> String send(
            String id,
            Form<T> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        // the agreement's zone is read only for a form with a local time (a meeting's start)
        FormCommands.Outcome outcome = forms.send(
                request,
                api(id, form),
                true,
                form.fields(),
                form.required(),
                () -> zoneOf(id, request),
                form.type(),
                form.call(),
                form.uploads());
        if (outcome.ok()) {
            redirect.addFlashAttribute("done", words.text("form." + form.family() + ".done"));
            return "redirect:/agreements/" + id + "?after=" + outcome.response().position() + "#" + anchor(form);
        }
        response.setStatus(outcome.problem().status());
        return page.render(id, request, model, form.name(), outcome.problem());
    }

    /**
     * Sends {@code form} once its reader has confirmed it: first the form is checked as the API would check it (a
     * problem is shown at once), then shown back with {@code consequence} — what the act will do, in words — to be
     * confirmed or changed. Nothing is sent until it is confirmed.
     */
    <T> String confirmThenSend(
            String id,
            Form<T> form,
            Function<Consequences<T>, List<String>> consequence,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String confirmed = request.getParameter(CONFIRMED);
        if ("yes".equals(confirmed)) {
            return send(id, form, request, response, model, redirect);
        }
        if ("no".equals(confirmed)) {
            // back to the form, as typed
            return page.render(id, request, model, form.name(), null);
        }
        T body;
        AgreementStatusView view;
        try {
            permissions.require("POST", api(id, form));
            body = form.type() == Void.class
                    ? null
                    : forms.read(request, form.fields(), form.required(), () -> zoneOf(id, request), form.type());
            view = current(id, request);
        } catch (Exception e) {
            FormCommands.Problem problem = FormCommands.problem(problems.describe(e));
            response.setStatus(problem.status());
            return page.render(id, request, model, form.name(), problem);
        }
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, given) -> {
            if (!name.equals(CONFIRMED) && !name.equals("_csrf") && given.length > 0) {
                values.put(name, given[0]);
            }
        });
        model.addAttribute("view", view);
        model.addAttribute("pageTitle", words.text("confirm.title", words.text("form." + form.family() + ".title")));
        model.addAttribute("formTitle", words.text("form." + form.family() + ".title"));
        model.addAttribute("consequences", consequence.apply(new Consequences<>(view, body)));
        model.addAttribute(
                "action",
                request.getRequestURI().substring(request.getContextPath().length()));
        model.addAttribute("values", values);
        model.addAttribute("submitLabel", words.text("form." + form.family() + ".submit"));
        // "change" shows the agreement's page again at the form, as typed; "confirm" leads back there anyway
        model.addAttribute("formAnchor", "form-" + form.name());
        return "confirm";
    }

    /** What a consequence is told of: the agreement as it stands and the request the form makes. */
    record Consequences<T>(AgreementStatusView view, T body) {

        /** The parties in the agreement on {@code day} (leaving ones until they leave), but {@code except}. */
        List<PartyStatusView> inOn(java.time.LocalDate day, String except) {
            return view.parties().stream()
                    .filter(p -> "ACTIVE".equals(p.participation())
                            || ("LEAVING".equals(p.participation())
                                    && p.leavesOn() != null
                                    && p.leavesOn().isAfter(day)))
                    .filter(p -> !p.partyId().equals(except))
                    .toList();
        }

        /** The parties in the agreement now, and not leaving it, but {@code except}. */
        List<PartyStatusView> staying(String except) {
            return view.parties().stream()
                    .filter(p -> "ACTIVE".equals(p.participation()))
                    .filter(p -> !p.partyId().equals(except))
                    .toList();
        }
    }

    AgreementStatusView current(String id, HttpServletRequest request) {
        return agreements.status(id, null, null, request).getBody();
    }

    /** A party's name as the agreement records it; its id when it is not one of the agreement's parties. */
    static String nameOf(AgreementStatusView view, String partyId) {
        return view.parties().stream()
                .filter(p -> p.partyId().equals(partyId))
                .map(PartyStatusView::name)
                .findFirst()
                .orElse(partyId);
    }

    /** The parties' names, as a list in words. */
    static String names(List<PartyStatusView> parties) {
        return String.join(", ", parties.stream().map(PartyStatusView::name).toList());
    }

    private static String api(String id, Form<?> form) {
        return "/api/v1/agreements/" + id + form.apiSuffix();
    }

    private static String anchor(Form<?> form) {
        return switch (form.family()) {
            case "move", "cancel", "outcome", "held", "review" -> "meetings";
            default -> "top";
        };
    }

    ZoneId zoneOf(String id, HttpServletRequest request) {
        try {
            return BusinessTime.zoneOf(AgreementPage.leadCountry(current(id, request)));
        } catch (RuntimeException e) {
            return BusinessTime.ZONE;
        }
    }
}
