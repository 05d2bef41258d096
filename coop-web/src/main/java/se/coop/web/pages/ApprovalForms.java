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
import se.coop.command.web.request.AdoptByBoardRequest;
import se.coop.command.web.request.RecordAppealRequest;
import se.coop.command.web.request.SignAgreementRequest;
import se.coop.query.QueryNode;
import se.coop.rules.BoardDecision;
import se.coop.web.FormCommands;
import se.coop.web.FormCommands.Kind;
import se.coop.web.Words;
import se.coop.web.pages.AgreementForms.Form;

/** A party approves a text version — its signature, its board's decision with the extract — and an appeal against a decision. */
@Controller
@QueryNode
class ApprovalForms {

    private static final Map<String, Kind> SIGN_FIELDS = Map.of(
            "partyId", Kind.TEXT,
            "textSha256", Kind.TEXT,
            "signatory.name", Kind.TEXT,
            "signatory.title", Kind.TEXT,
            "signedOn", Kind.TEXT,
            "place", Kind.TEXT,
            "document.sha256", Kind.TEXT);

    private static final Map<String, Kind> DECIDE_FIELDS = Map.ofEntries(
            Map.entry("partyId", Kind.TEXT),
            Map.entry("textSha256", Kind.TEXT),
            Map.entry("body", Kind.TEXT),
            Map.entry("decidedOn", Kind.TEXT),
            Map.entry("caseNumber", Kind.TEXT),
            Map.entry("paragraph", Kind.TEXT),
            Map.entry("outcome", Kind.TEXT),
            Map.entry("dissents", Kind.LINES),
            Map.entry("minutesPostedOn", Kind.TEXT),
            Map.entry("document.sha256", Kind.TEXT),
            Map.entry("document.kind", Kind.TEXT));

    private static final Map<String, Kind> APPEAL_FIELDS = Map.of(
            "outcome", Kind.TEXT,
            "on", Kind.TEXT,
            "court", Kind.TEXT,
            "caseNumber", Kind.TEXT);

    /** The file field of the forms whose act rests on a document: a signed copy, a minutes extract. */
    static final List<FormCommands.Upload> ACT_DOCUMENT =
            List.of(new FormCommands.Upload("document.file", "document.sha256", null));

    private final AgreementForms forms;
    private final Words words;

    ApprovalForms(AgreementForms forms, Words words) {
        this.forms = forms;
        this.words = words;
    }

    @PostMapping("/agreements/{id}/sign")
    String sign(
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.send(
                id,
                new Form<>(
                        "sign",
                        "/signatures",
                        SIGN_FIELDS,
                        SignAgreementRequest.class,
                        (context, body) -> forms.commands().signAgreement(context, id, body),
                        ACT_DOCUMENT),
                request,
                response,
                model,
                redirect);
    }

    @PostMapping("/agreements/{id}/decide")
    String decide(
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String party = request.getParameter("partyId");
        String body = request.getParameter("body");
        String shown = forms.send(
                id,
                new Form<>(
                        "decide",
                        "/board-decisions",
                        DECIDE_FIELDS,
                        AdoptByBoardRequest.class,
                        (context, request1) -> forms.commands().adoptByBoard(context, id, request1),
                        ACT_DOCUMENT),
                request,
                response,
                model,
                redirect);
        if (shown.startsWith("redirect:") && party != null && body != null) {
            // recorded, and shown — but it counts only when the party's own adopting body made it (rule 11): said now,
            // not found later in the history
            forms.current(id, request).parties().stream()
                    .filter(p -> p.partyId().equals(party))
                    .filter(p -> !BoardDecision.byOwnBody(body, p.adoptingBody()))
                    .findFirst()
                    .ifPresent(p -> redirect.addFlashAttribute(
                            "warning",
                            words.text("form.decide.notCounting", p.name(), p.adoptingBody(), body.strip())));
        }
        return shown;
    }

    @PostMapping("/agreements/{id}/appeal")
    String appeal(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String decisionId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String decision = decisionId.isBlank() ? "-" : decisionId;
        return forms.send(
                id,
                new Form<>(
                                "appeal",
                                "/board-decisions/" + decision + "/appeal",
                                APPEAL_FIELDS,
                                RecordAppealRequest.class,
                                (context, body) -> forms.commands().recordAppeal(context, id, decision, body))
                        .requiring("decisionId"),
                request,
                response,
                model,
                redirect);
    }
}
