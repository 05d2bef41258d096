package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.coop.api.AgreementState;
import se.coop.api.Term;
import se.coop.api.query.Owed;
import se.coop.api.query.PartyStatusView;
import se.coop.command.web.request.ReasonRequest;
import se.coop.command.web.request.ReviseDraftRequest;
import se.coop.query.QueryNode;
import se.coop.web.FormCommands;
import se.coop.web.FormCommands.Kind;
import se.coop.web.Words;
import se.coop.web.pages.AgreementForms.Form;

/**
 * A draft before it enters into force: revised (a new text version, corrected titles or term), submitted for adoption,
 * a party removed, or the whole draft abandoned — the last two only once their consequence is confirmed.
 */
@Controller
@QueryNode
class DraftingForms {

    private static final Map<String, Kind> REVISE_FIELDS = Map.ofEntries(
            Map.entry("text.sha256", Kind.TEXT),
            Map.entry("text.title", Kind.TEXT),
            Map.entry("title.sv", Kind.TEXT),
            Map.entry("title.da", Kind.TEXT),
            Map.entry("title.en", Kind.TEXT),
            Map.entry("term.startsOn", Kind.TEXT),
            Map.entry("term.endsOn", Kind.TEXT),
            Map.entry("term.untilFurtherNotice", Kind.BOOLEAN),
            Map.entry("term.noticePeriodMonths", Kind.NUMBER),
            Map.entry("term.waitForLegalForce", Kind.BOOLEAN),
            Map.entry("focusAreas", Kind.FOCUS_AREAS),
            Map.entry("note", Kind.TEXT));

    private static final Map<String, Kind> REASON = Map.of("reason", Kind.TEXT);

    private final AgreementForms forms;
    private final Words words;

    DraftingForms(AgreementForms forms, Words words) {
        this.forms = forms;
        this.words = words;
    }

    @PostMapping("/agreements/{id}/submit")
    String submit(
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.send(
                id,
                new Form<>(
                        "submit",
                        "/submission",
                        Map.of(),
                        Void.class,
                        (context, body) -> forms.commands().submitForAdoption(context, id, null)),
                request,
                response,
                model,
                redirect);
    }

    @PostMapping("/agreements/{id}/revise")
    String revise(
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.send(
                id,
                new Form<>(
                        "revise",
                        "/revisions",
                        REVISE_FIELDS,
                        ReviseDraftRequest.class,
                        (context, body) -> forms.commands().reviseDraft(context, id, body),
                        List.of(new FormCommands.Upload("text.file", "text.sha256", "text.title"))),
                request,
                response,
                model,
                redirect);
    }

    @PostMapping("/agreements/{id}/abandon")
    String abandon(
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.confirmThenSend(
                id,
                new Form<>(
                        "abandon",
                        "/abandonment",
                        REASON,
                        ReasonRequest.class,
                        (context, body) -> forms.commands().abandon(context, id, body)),
                given -> List.of(
                        words.text("confirm.abandon"),
                        words.text(
                                "confirm.abandon.parties", given.staying(null).size())),
                request,
                response,
                model,
                redirect);
    }

    /**
     * What removing {@code party} does: it leaves before entry into force, the others go on — and when every other
     * party has already given all its approval requires (Owed), the removal completes the approvals, so the agreement
     * then enters into force (once the decisions are legally final, where it waits for that).
     */
    private List<String> removal(AgreementForms.Consequences<?> given, String party) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(words.text("confirm.remove", AgreementForms.nameOf(given.view(), party)));
        List<PartyStatusView> staying = given.staying(party);
        lines.add(words.text("confirm.remove.staying", AgreementForms.names(staying)));
        boolean approving = given.view().state() == AgreementState.AWAITING_APPROVAL;
        if (approving
                && staying.size() >= 2
                && staying.stream().allMatch(p -> Owed.by(given.view(), p).isEmpty())) {
            Term term = given.view().term();
            lines.add(words.text(
                    term != null && term.waitsForLegalForce()
                            ? "confirm.remove.completesAfterLegalForce"
                            : "confirm.remove.completes"));
        }
        return lines;
    }

    @PostMapping("/agreements/{id}/remove-party")
    String removeParty(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String partyId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String party = partyId.isBlank() ? "-" : partyId;
        return forms.confirmThenSend(
                id,
                new Form<>(
                                "remove",
                                "/parties/" + party + "/removal",
                                REASON,
                                ReasonRequest.class,
                                (context, body) -> forms.commands().removeParty(context, id, party, body))
                        .requiring("partyId"),
                given -> removal(given, party),
                request,
                response,
                model,
                redirect);
    }
}
