package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.coop.api.AgreementKind;
import se.coop.api.BusinessTime;
import se.coop.api.CommandRefusedException;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.Party;
import se.coop.api.PartyKind;
import se.coop.api.input.ClientText;
import se.coop.api.register.PartyRegister;
import se.coop.api.register.RegisteredParty;
import se.coop.command.agreement.DraftRules;
import se.coop.command.web.AgreementCommandController;
import se.coop.command.web.request.DraftIntentRequest;
import se.coop.web.FormCommands;
import se.coop.web.FormCommands.Kind;
import se.coop.web.Permissions;
import se.coop.web.Words;

/**
 * A new letter of intent as a draft: title, kind, term (waiting for legal force or not), focus areas, reminders, its
 * text (a file uploaded with the form) and its parties — as many rows as needed, each with what its approval takes (a
 * company that only signs, a board that only adopts). "Add a party" shows the form again with one more row, as typed;
 * each row searches the party register and takes the organisation picked from it (its id, its name as it is now, its
 * kind, country and first board), all without script.
 */
@Controller
class DraftPage {

    /** The party rows a new draft form starts with; "add a party" adds one, up to {@link #MAX_ROWS}. */
    static final int FIRST_ROWS = 2;

    static final int MAX_ROWS = 100;

    /** The draft's text: a file uploaded with the form, named by its hash. */
    private static final List<FormCommands.Upload> TEXT_FILE =
            List.of(new FormCommands.Upload("text.file", "text.sha256", "text.title"));
    /** The register's organisations a row's search shows at most. */
    private static final int MATCHES = 10;

    private final ObjectProvider<AgreementCommandController> commands;
    private final FormCommands forms;
    private final Permissions permissions;
    private final Words words;
    private final PartyRegister register;

    DraftPage(
            ObjectProvider<AgreementCommandController> commands,
            FormCommands forms,
            Permissions permissions,
            Words words,
            PartyRegister register) {
        this.register = register;
        this.commands = commands;
        this.forms = forms;
        this.permissions = permissions;
        this.words = words;
    }

    @GetMapping("/agreements/new")
    String form(Model model) {
        permissions.require("POST", "/api/v1/agreements");
        return render(model, Map.of(), null);
    }

    @PostMapping("/agreements/new")
    String draft(HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (request.getParameter("addParty") != null
                || request.getParameter("find") != null
                || request.getParameter("pick") != null) {
            // another party row, a search of the party register or a party picked from it: the form is shown again as
            // typed, and nothing is sent
            permissions.require("POST", "/api/v1/agreements");
            FormCommands.Problem refused = forms.keepUploads(request, TEXT_FILE);
            if (refused != null) {
                response.setStatus(refused.status());
            }
            Map<String, String> values = typed(request);
            int rows = rows(request);
            if (refused == null && request.getParameter("addParty") != null) {
                model.addAttribute("focus", "draft-parties-" + rows + "-search");
                rows++;
            } else if (refused == null && request.getParameter("find") != null) {
                row(request.getParameter("find"), rows).ifPresent(row -> find(model, values, row));
            } else if (refused == null) {
                pick(model, values, request.getParameter("pick"), rows);
            }
            return render(model, values, refused, rows);
        }
        AgreementCommandController controller = commands.getIfAvailable();
        if (controller == null) {
            throw new CoopProblem(ErrorCode.NOT_FOUND, "This Coop node takes no commands.");
        }
        FormCommands.Outcome outcome = forms.send(
                request,
                "/api/v1/agreements",
                false,
                FIELDS,
                () -> BusinessTime.ZONE,
                DraftIntentRequest.class,
                controller::draftIntent,
                TEXT_FILE);
        if (outcome.ok()) {
            redirect.addFlashAttribute("done", words.text("form.draft.done"));
            return "redirect:/agreements/" + outcome.response().agreementId() + "?after="
                    + outcome.response().position();
        }
        FormCommands.Problem problem = withRuleOne(request, outcome.problem());
        response.setStatus(problem.status());
        return render(model, typed(request), problem, rows(request));
    }

    /**
     * A draft refused as unreadable or invalid is also held to rule 1 (two parties, each once, one lead) where its
     * parties read, so that every problem of the form is named at once rather than one send after another.
     */
    private FormCommands.Problem withRuleOne(HttpServletRequest request, FormCommands.Problem problem) {
        if (!"VALIDATION_FAILED".equals(problem.errorCode()) || problem.fields().containsKey("parties")) {
            return problem;
        }
        java.util.Optional<Party[]> parties =
                forms.readPart(request, FIELDS, "parties", () -> BusinessTime.ZONE, Party[].class);
        // a row not filled in (no id) is the form's own problem, named already: rule 1 is asked of whole parties only
        if (parties.isEmpty()
                || java.util.Arrays.stream(parties.get()).anyMatch(p -> p == null || p.partyId() == null)) {
            return problem;
        }
        try {
            DraftRules.requireValidParties(List.of(parties.get()));
            return problem;
        } catch (CommandRefusedException refused) {
            Map<String, String> fields = new LinkedHashMap<>(problem.fields());
            fields.put("parties", refused.getMessage());
            return new FormCommands.Problem(problem.errorCode(), problem.status(), problem.detail(), fields);
        }
    }

    /** The form as typed; the text uploaded with it is kept, shown again by its hash, so it need not be chosen again. */
    private static Map<String, String> typed(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, given) -> values.put(name, given.length == 0 ? "" : given[0]));
        if (request.getAttribute(FormCommands.UPLOADED) instanceof Map<?, ?> uploaded) {
            uploaded.forEach((field, value) -> values.put(String.valueOf(field), String.valueOf(value)));
        }
        return values;
    }

    /** The register's organisations matching what row {@code row} searches for; the first takes focus. */
    private void find(Model model, Map<String, String> values, int row) {
        String q = values.getOrDefault("parties[" + row + "].search", "").strip();
        if (q.isEmpty() || q.length() > 200 || ClientText.problem(q, false) != null) {
            // nothing (or nothing searchable) to search for: back to the row's search field
            model.addAttribute("focus", "draft-parties-" + row + "-search");
            return;
        }
        Map<Integer, List<RegisteredParty>> matches = new HashMap<>();
        matches.put(row, register.search(q, null, null, MATCHES));
        model.addAttribute("matches", matches);
        if (matches.get(row).isEmpty()) {
            model.addAttribute("focus", "draft-parties-" + row + "-search");
        }
    }

    /**
     * Row {@code row:partyId} takes the organisation's id, its name in its own language, kind, country and first board:
     * the agreement keeps them as they are now. Focus moves to the next row's search, or to "add a party".
     */
    private void pick(Model model, Map<String, String> values, String picked, int rows) {
        int colon = picked.indexOf(':');
        Optional<Integer> at = colon < 0 ? Optional.empty() : row(picked.substring(0, colon), rows);
        Optional<RegisteredParty> party = at.isEmpty() ? Optional.empty() : register.get(picked.substring(colon + 1));
        if (party.isEmpty()) {
            // no row of this form, or no organisation of the register (a stale page): the form as it was
            return;
        }
        int row = at.get();
        RegisteredParty p = party.get();
        String prefix = "parties[" + row + "].";
        values.put(prefix + "partyId", p.partyId());
        values.put(prefix + "name", p.ownName());
        values.put(prefix + "kind", p.kind().name());
        values.put(prefix + "country", p.country());
        values.put(prefix + "adoptingBody", p.firstBoard() == null ? "" : p.firstBoard());
        if (p.kind() == PartyKind.COMPANY) {
            // a company takes no board decision under a municipal act: it signs (as Scandlines in HH Cityclub)
            values.put(prefix + "requires", "SIGNATURE");
        }
        values.put(prefix + "search", "");
        model.addAttribute("picked", Map.of(row, p));
        model.addAttribute("focus", row + 1 < rows ? "draft-parties-" + (row + 1) + "-search" : "draft-add-party");
    }

    /** The row the form named, when it is one of its rows. */
    private static Optional<Integer> row(String given, int rows) {
        try {
            int row = Integer.parseInt(given.strip());
            return row >= 0 && row < rows ? Optional.of(row) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** How many party rows the form had. */
    private static int rows(HttpServletRequest request) {
        try {
            return Math.max(FIRST_ROWS, Math.min(MAX_ROWS - 1, Integer.parseInt(request.getParameter("rows"))));
        } catch (NumberFormatException e) {
            return FIRST_ROWS;
        }
    }

    private String render(Model model, Map<String, String> values, FormCommands.Problem problem) {
        return render(model, values, problem, FIRST_ROWS);
    }

    private String render(Model model, Map<String, String> values, FormCommands.Problem problem, int rows) {
        model.addAttribute("values", values);
        model.addAttribute("problem", problem);
        if (!model.containsAttribute("matches")) {
            model.addAttribute("matches", Map.of());
        }
        if (!model.containsAttribute("picked")) {
            model.addAttribute("picked", Map.of());
        }
        // a fresh key for every rendering: a form sent again after it was refused is a new request
        model.addAttribute("key", FormCommands.newKey());
        model.addAttribute("kindOptions", words.options(AgreementKind.values(), "kind."));
        model.addAttribute("partyKindOptions", words.options(PartyKind.values(), "partyKind."));
        model.addAttribute(
                "yesNo", List.of(new String[] {"true", words.text("yes")}, new String[] {"false", words.text("no")}));
        model.addAttribute("countryOptions", PartiesPage.countryOptions());
        model.addAttribute("rowCount", rows);
        model.addAttribute(
                "rows", java.util.stream.IntStream.range(0, rows).boxed().toList());
        model.addAttribute(
                "requiresOptions",
                List.of(
                        new String[] {"SIGNATURE,BOARD_ADOPTION", words.text("draft.requires.both")},
                        new String[] {"SIGNATURE", words.text("draft.requires.signature")},
                        new String[] {"BOARD_ADOPTION", words.text("draft.requires.board")}));
        return "draft";
    }

    /** The draft's fields, by the JSON path of the API's request, for up to {@link #MAX_ROWS} parties. */
    private static final Map<String, Kind> FIELDS = fields();

    private static Map<String, Kind> fields() {
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("title.sv", Kind.TEXT);
        fields.put("title.da", Kind.TEXT);
        fields.put("title.en", Kind.TEXT);
        fields.put("kind", Kind.TEXT);
        fields.put("binding", Kind.BOOLEAN);
        fields.put("term.startsOn", Kind.TEXT);
        fields.put("term.endsOn", Kind.TEXT);
        fields.put("term.untilFurtherNotice", Kind.BOOLEAN);
        fields.put("term.noticePeriodMonths", Kind.NUMBER);
        fields.put("term.waitForLegalForce", Kind.BOOLEAN);
        fields.put("reviewCadenceMonths", Kind.NUMBER);
        fields.put("reminderOffsetsDays", Kind.NUMBERS);
        fields.put("focusAreas", Kind.FOCUS_AREAS);
        fields.put("text.sha256", Kind.TEXT);
        fields.put("text.title", Kind.TEXT);
        fields.put("text.uri", Kind.TEXT);
        for (int i = 0; i < MAX_ROWS; i++) {
            String row = "parties[" + i + "].";
            fields.put(row + "partyId", Kind.TEXT);
            fields.put(row + "name", Kind.TEXT);
            fields.put(row + "kind", Kind.TEXT);
            fields.put(row + "country", Kind.TEXT);
            fields.put(row + "adoptingBody", Kind.TEXT);
            fields.put(row + "requires", Kind.CODES);
            fields.put(row + "lead", Kind.BOOLEAN);
        }
        return fields;
    }
}
