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
import se.coop.command.web.request.AttachDocumentRequest;
import se.coop.command.web.request.LinkAgreementRequest;
import se.coop.command.web.request.ProposeAmendmentRequest;
import se.coop.query.QueryNode;
import se.coop.web.FormCommands;
import se.coop.web.FormCommands.Kind;
import se.coop.web.pages.AgreementForms.Form;

/** An agreement in force changes: an amendment (a new text version the parties approve again), a link to another cooperation, a document attached. */
@Controller
@QueryNode
class ChangeForms {

    private static final Map<String, Kind> AMEND_FIELDS = Map.of(
            "text.sha256", Kind.TEXT,
            "text.title", Kind.TEXT,
            "summary", Kind.TEXT);

    private static final Map<String, Kind> LINK_FIELDS = Map.of(
            "type", Kind.TEXT,
            "otherAgreementId", Kind.TEXT,
            "otherTitle", Kind.TEXT);

    /** The attached document: its file (Coop takes its hash, size and type from the bytes), title, kind, address. */
    private static final Map<String, Kind> DOCUMENT_FIELDS = Map.of(
            "title", Kind.TEXT,
            "sha256", Kind.TEXT,
            "kind", Kind.TEXT,
            "uri", Kind.TEXT);

    private final AgreementForms forms;

    ChangeForms(AgreementForms forms) {
        this.forms = forms;
    }

    @PostMapping("/agreements/{id}/amend")
    String amend(
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.send(
                id,
                new Form<>(
                        "amend",
                        "/amendments",
                        AMEND_FIELDS,
                        ProposeAmendmentRequest.class,
                        (context, body) -> forms.commands().proposeAmendment(context, id, body),
                        List.of(new FormCommands.Upload("text.file", "text.sha256", "text.title"))),
                request,
                response,
                model,
                redirect);
    }

    @PostMapping("/agreements/{id}/link")
    String link(
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.send(
                id,
                new Form<>(
                        "link",
                        "/links",
                        LINK_FIELDS,
                        LinkAgreementRequest.class,
                        (context, body) -> forms.commands().linkAgreement(context, id, body)),
                request,
                response,
                model,
                redirect);
    }

    @PostMapping("/agreements/{id}/documents")
    String document(
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.send(
                id,
                new Form<>(
                        "document",
                        "/documents",
                        DOCUMENT_FIELDS,
                        AttachDocumentRequest.class,
                        (context, body) -> forms.commands().attachDocument(context, id, body),
                        List.of(new FormCommands.Upload("file", "sha256", "title"))),
                request,
                response,
                model,
                redirect);
    }
}
