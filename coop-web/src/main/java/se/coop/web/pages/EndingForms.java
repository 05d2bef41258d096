package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.PartyStatusView;
import se.coop.command.web.request.GiveNoticeRequest;
import se.coop.command.web.request.TerminateAgreementRequest;
import se.coop.query.QueryNode;
import se.coop.rules.Membership;
import se.coop.web.FormCommands.Kind;
import se.coop.web.Formats;
import se.coop.web.Words;
import se.coop.web.pages.AgreementForms.Form;

/**
 * An agreement ends: a party gives notice, the parties terminate it, an ended agreement is archived. Each is shown back
 * with what it will do — the day a party leaves and whether the agreement goes on without it (rule 1, {@link
 * Membership}), the day it ends for all — and sent only once confirmed.
 */
@Controller
@QueryNode
class EndingForms {

    private static final Map<String, Kind> NOTICE_FIELDS = Map.of(
            "givenOn", Kind.TEXT,
            "reason", Kind.TEXT);

    private static final Map<String, Kind> TERMINATE_FIELDS = Map.of(
            "reason", Kind.TEXT,
            "effectiveOn", Kind.TEXT);

    private final AgreementForms forms;
    private final Words words;
    private final Formats fmt;

    EndingForms(AgreementForms forms, Words words, Formats fmt) {
        this.forms = forms;
        this.words = words;
        this.fmt = fmt;
    }

    @PostMapping("/agreements/{id}/notice")
    String notice(
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
                                "notice",
                                "/parties/" + party + "/notice",
                                NOTICE_FIELDS,
                                GiveNoticeRequest.class,
                                (context, body) -> forms.commands().giveNotice(context, id, party, body))
                        .requiring("partyId"),
                given -> noticeConsequences(given.view(), party, given.body().givenOn()),
                request,
                response,
                model,
                redirect);
    }

    /**
     * What a notice does: the party leaves when its notice period has passed; the agreement ends for all on the day too
     * few parties would be left, or goes on for the others.
     */
    List<String> noticeConsequences(AgreementStatusView view, String party, LocalDate givenOn) {
        int months = view.term() == null ? 0 : view.term().noticeMonths();
        LocalDate leavesOn = Membership.leavesOn(givenOn, months);
        List<String> sentences = new ArrayList<>();
        sentences.add(words.text("confirm.notice", AgreementForms.nameOf(view, party), fmt.date(leavesOn), months));
        List<LocalDate> leaving = new ArrayList<>();
        int inIt = 0;
        for (PartyStatusView p : view.parties()) {
            if ("ACTIVE".equals(p.participation()) || "LEAVING".equals(p.participation())) {
                inIt++;
            }
            if ("LEAVING".equals(p.participation()) && p.leavesOn() != null) {
                leaving.add(p.leavesOn());
            }
        }
        leaving.add(leavesOn);
        Optional<LocalDate> ends = Membership.endedByNotices(inIt, leaving);
        LocalDate decided = view.terminatesOn();
        if (ends.isPresent() && (decided == null || !decided.isBefore(ends.get()))) {
            sentences.add(words.text("confirm.notice.ends", fmt.date(ends.get())));
        } else {
            sentences.add(words.text(
                    "confirm.notice.continues",
                    AgreementForms.names(view.parties().stream()
                            .filter(p -> "ACTIVE".equals(p.participation())
                                    && !p.partyId().equals(party))
                            .toList())));
            if (decided != null) {
                sentences.add(words.text("confirm.notice.decidedEnd", fmt.date(decided)));
            }
        }
        return sentences;
    }

    @PostMapping("/agreements/{id}/terminate")
    String terminate(
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.confirmThenSend(
                id,
                new Form<>(
                        "terminate",
                        "/termination",
                        TERMINATE_FIELDS,
                        TerminateAgreementRequest.class,
                        (context, body) -> forms.commands().terminate(context, id, body)),
                this::terminationConsequences,
                request,
                response,
                model,
                redirect);
    }

    /**
     * What a termination does: the agreement ends on its day for all those still in it then — unless notices end it
     * on or before that day, which the page says instead.
     */
    private List<String> terminationConsequences(AgreementForms.Consequences<TerminateAgreementRequest> given) {
        LocalDate day = given.body().effectiveOn();
        LocalDate already = given.view().terminatesOn();
        if (already != null && !already.isAfter(day)) {
            return List.of(words.text("confirm.terminate.already", fmt.date(already)));
        }
        return List.of(
                words.text("confirm.terminate", fmt.date(day), AgreementForms.names(given.inOn(day, null))),
                words.text("confirm.terminate.meetings"));
    }

    @PostMapping("/agreements/{id}/archive")
    String archive(
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return forms.confirmThenSend(
                id,
                new Form<>(
                        "archive",
                        "/archival",
                        Map.of(),
                        Void.class,
                        (context, body) -> forms.commands().archive(context, id, null)),
                given -> List.of(words.text("confirm.archive"), words.text("confirm.archive.package")),
                request,
                response,
                model,
                redirect);
    }
}
