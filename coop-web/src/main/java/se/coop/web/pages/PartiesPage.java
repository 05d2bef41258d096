package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.coop.api.BusinessTime;
import se.coop.api.PartyKind;
import se.coop.api.input.ClientText;
import se.coop.api.register.NewParty;
import se.coop.api.register.PartyRegister;
import se.coop.api.register.RegisteredParty;
import se.coop.web.FormCommands;
import se.coop.web.FormCommands.Kind;
import se.coop.web.Formats;
import se.coop.web.Permissions;
import se.coop.web.ProblemDescriber;
import se.coop.web.Words;

/**
 * The party register as a page: search it by name, code or id, in any language and without accents; and — for a
 * secretariat or an operator — add a university, company or association, as {@code POST /api/v1/parties} would.
 */
@Controller
class PartiesPage {

    /** The countries the page's filter and form offer; the API takes any ISO code. */
    static final List<String> COUNTRIES = List.of("SE", "DK", "NO", "FI", "DE", "IS");

    private static final Map<String, Kind> FIELDS = fields();

    private final PartyRegister register;
    private final FormCommands forms;
    private final Permissions permissions;
    private final ProblemDescriber problems;
    private final Words words;

    PartiesPage(
            PartyRegister register,
            FormCommands forms,
            Permissions permissions,
            ProblemDescriber problems,
            Words words) {
        this.register = register;
        this.forms = forms;
        this.permissions = permissions;
        this.problems = problems;
        this.words = words;
    }

    @GetMapping("/parties")
    String page(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String kind,
            HttpServletResponse response,
            Model model) {
        permissions.require("GET", "/api/v1/parties");
        String searched = q == null ? null : q.strip();
        String reason = searched == null ? null : ClientText.problem(searched, false);
        if (reason == null && searched != null && searched.length() > 200) {
            reason = "must be at most 200 characters";
        }
        if (reason != null) {
            // the search as typed stays in its field, its problem named beside it; nothing is searched
            response.setStatus(400);
            model.addAttribute("problemForm", "parties");
            return render(
                    model,
                    q,
                    country,
                    kind,
                    Map.of(),
                    new FormCommands.Problem("VALIDATION_FAILED", 400, reason, Map.of("q", reason)));
        }
        return render(model, searched, country, kind, Map.of(), null);
    }

    @PostMapping("/parties")
    String add(HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        permissions.require("POST", "/api/v1/parties");
        try {
            NewParty party = forms.read(request, FIELDS, () -> BusinessTime.ZONE, NewParty.class);
            RegisteredParty added = register.add(
                    party,
                    SecurityContextHolder.getContext().getAuthentication().getName());
            redirect.addFlashAttribute(
                    "done", words.text("parties.added", added.names().in(Formats.language()), added.partyId()));
            return "redirect:/parties?q="
                    + java.net.URLEncoder.encode(added.partyId(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            FormCommands.Problem problem = FormCommands.problem(problems.describe(e));
            response.setStatus(problem.status());
            Map<String, String> typed = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, given) -> typed.put(name, given.length == 0 ? "" : given[0]));
            return render(model, null, null, null, typed, problem);
        }
    }

    private String render(
            Model model,
            String q,
            String country,
            String kind,
            Map<String, String> values,
            FormCommands.Problem problem) {
        // a country the filter does not offer filters nothing
        String countryCode = country == null || !country.strip().matches("[A-Za-z]{2}")
                ? null
                : country.strip().toUpperCase(Locale.ROOT);
        PartyKind partyKind = kindOf(kind);
        model.addAttribute("q", q);
        model.addAttribute("country", countryCode);
        model.addAttribute("kind", partyKind == null ? null : partyKind.name());
        boolean searched = q != null || countryCode != null || partyKind != null;
        model.addAttribute("searched", searched);
        // one more than are shown is asked for: the page says when there are more than it shows
        List<RegisteredParty> results = searched && problem == null
                ? register.search(q, countryCode, partyKind, PartyRegister.MOST + 1)
                : List.of();
        model.addAttribute("more", results.size() > PartyRegister.MOST);
        model.addAttribute(
                "results", results.size() > PartyRegister.MOST ? results.subList(0, PartyRegister.MOST) : results);
        model.addAttribute("partyKindOptions", words.options(PartyKind.values(), "partyKind."));
        model.addAttribute("countryOptions", countryOptions());
        model.addAttribute("mayAdd", permissions.mayPost("/api/v1/parties"));
        model.addAttribute("values", values);
        model.addAttribute("problem", problem);
        return "parties";
    }

    /** A kind from the page's filter: an unknown one filters nothing. */
    private static PartyKind kindOf(String kind) {
        for (PartyKind known : PartyKind.values()) {
            if (known.name().equals(kind)) {
                return known;
            }
        }
        return null;
    }

    /** The countries as options, named in the page's language. */
    static List<String[]> countryOptions() {
        List<String[]> options = new ArrayList<>();
        for (String code : COUNTRIES) {
            options.add(new String[] {code, new Locale("", code).getDisplayCountry(Formats.locale())});
        }
        return options;
    }

    private static Map<String, Kind> fields() {
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("partyId", Kind.TEXT);
        fields.put("names.sv", Kind.TEXT);
        fields.put("names.da", Kind.TEXT);
        fields.put("names.en", Kind.TEXT);
        fields.put("kind", Kind.TEXT);
        fields.put("country", Kind.TEXT);
        fields.put("officialCode", Kind.TEXT);
        fields.put("boardNames", Kind.LINES);
        return fields;
    }
}
