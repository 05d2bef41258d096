package se.coop.web.pages;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import se.coop.api.AgreementState;
import se.coop.api.AppealOutcome;
import se.coop.api.BoardOutcome;
import se.coop.api.DocumentKind;
import se.coop.api.LinkType;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewKind;
import se.coop.api.query.AgreementDocuments;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.PartyStatusView;
import se.coop.api.query.ReviewView;
import se.coop.query.QueryNode;
import se.coop.rules.Membership;
import se.coop.web.FormCommands;
import se.coop.web.Formats;
import se.coop.web.Permissions;
import se.coop.web.Words;

/**
 * Which forms an agreement's page offers its reader, and what they offer to choose: a form is shown when the agreement
 * is in a state its command is taken in and the reader may send the API request behind it ({@link Permissions}) —
 * every command the API has, so that no refusal names an act the pages lack. Each form gets its own idempotency key.
 */
@Component
@QueryNode
class AvailableForms {

    private static final Set<AgreementState> BEFORE_FORCE =
            EnumSet.of(AgreementState.DRAFT, AgreementState.AWAITING_APPROVAL);
    private static final Set<AgreementState> ENDED =
            EnumSet.of(AgreementState.TERMINATED, AgreementState.EXPIRED, AgreementState.ABANDONED);
    private static final Set<AgreementState> MEETINGS_HELD =
            EnumSet.of(AgreementState.IN_FORCE, AgreementState.TERMINATED, AgreementState.EXPIRED);

    private final Permissions permissions;
    private final Words words;
    private final Formats fmt;

    AvailableForms(Permissions permissions, Words words, Formats fmt) {
        this.permissions = permissions;
        this.words = words;
        this.fmt = fmt;
    }

    /** Puts the forms this reader gets, their choices and keys in {@code model}; answers which forms they are. */
    Map<String, Boolean> addTo(
            Model model,
            AgreementStatusView view,
            List<ReviewView> meetings,
            AgreementDocuments named,
            boolean commandsHere) {
        String api = "/api/v1/agreements/" + view.agreementId();
        AgreementState state = view.state();
        boolean inForce = state == AgreementState.IN_FORCE;
        boolean approving = state == AgreementState.AWAITING_APPROVAL || view.pendingAmendment() != null;
        List<String[]> mayLeave = view.parties().stream()
                .filter(p -> !p.lead() && "ACTIVE".equals(p.participation()))
                .map(p -> new String[] {p.partyId(), p.name()})
                .toList();
        List<String[]> appealable = appealable(view);
        Map<String, Boolean> may = new LinkedHashMap<>();
        may.put("submit", commandsHere && state == AgreementState.DRAFT && may(api + "/submission"));
        may.put("revise", commandsHere && BEFORE_FORCE.contains(state) && may(api + "/revisions"));
        may.put("sign", commandsHere && approving && may(api + "/signatures"));
        may.put("decide", commandsHere && approving && may(api + "/board-decisions"));
        may.put("appeal", commandsHere && !appealable.isEmpty() && may(api + "/board-decisions/x/appeal"));
        may.put("amend", commandsHere && inForce && view.pendingAmendment() == null && may(api + "/amendments"));
        may.put("review", commandsHere && inForce && may(api + "/reviews"));
        may.put("held", commandsHere && MEETINGS_HELD.contains(state) && may(api + "/reviews"));
        may.put("link", commandsHere && may(api + "/links"));
        may.put("document", commandsHere && may(api + "/documents"));
        may.put("notice", commandsHere && inForce && !mayLeave.isEmpty() && may(api + "/parties/x/notice"));
        // a decided termination is not withdrawn or moved (docs/api.md): once decided, no second one is offered
        may.put(
                "terminate",
                commandsHere && inForce && view.terminationDecidedOn() == null && may(api + "/termination"));
        long active = view.parties().stream()
                .filter(p -> "ACTIVE".equals(p.participation()))
                .count();
        may.put(
                "remove",
                commandsHere
                        && BEFORE_FORCE.contains(state)
                        && !mayLeave.isEmpty()
                        && !Membership.tooFew((int) active - 1)
                        && may(api + "/parties/x/removal"));
        may.put("abandon", commandsHere && BEFORE_FORCE.contains(state) && may(api + "/abandonment"));
        may.put("archive", commandsHere && ENDED.contains(state) && may(api + "/archival"));
        model.addAttribute("may", may);
        model.addAttribute("anyForm", may.containsValue(true));
        model.addAttribute("textOptions", texts(view));
        // rule 11: only the decision of a party's own adopting body counts — the decision form says whose that is
        model.addAttribute(
                "adoptingBodies",
                view.parties().stream()
                        .filter(PartyStatusView::requiresBoardAdoption)
                        .filter(p -> "ACTIVE".equals(p.participation()) || "LEAVING".equals(p.participation()))
                        .map(p -> p.name() + " – " + p.adoptingBody())
                        .collect(java.util.stream.Collectors.joining("; ")));
        model.addAttribute(
                "partyOptions",
                view.parties().stream()
                        .filter(p -> !"REMOVED".equals(p.participation()) && !"LEFT".equals(p.participation()))
                        .map(p -> new String[] {p.partyId(), p.name()})
                        .toList());
        model.addAttribute("leavingOptions", mayLeave);
        model.addAttribute("appealOptions", appealable);
        model.addAttribute("appealOutcomeOptions", words.options(AppealOutcome.values(), "appeal."));
        model.addAttribute("linkTypeOptions", words.options(LinkType.values(), "link."));
        model.addAttribute("outcomeOptions", words.options(BoardOutcome.values(), "outcome."));
        model.addAttribute("documentKindOptions", words.options(DocumentKind.values(), "documentKind."));
        model.addAttribute(
                "decisionDocumentOptions",
                words.options(
                        new DocumentKind[] {DocumentKind.MINUTES_EXTRACT, DocumentKind.DECISION_NOTICE},
                        "documentKind."));
        model.addAttribute("reviewKindOptions", words.options(ReviewKind.values(), "reviewKind."));
        model.addAttribute("decisionOptions", words.options(ReviewDecision.values(), "reviewDecision."));
        model.addAttribute(
                "yesNo", List.of(new String[] {"true", words.text("yes")}, new String[] {"false", words.text("no")}));
        model.addAttribute("revision", revision(view, named));
        Map<String, String> keys = new LinkedHashMap<>();
        for (String form : may.keySet()) {
            keys.put(form, FormCommands.newKey());
        }
        for (ReviewView meeting : meetings) {
            keys.put("move-" + meeting.reviewId(), FormCommands.newKey());
            keys.put("cancel-" + meeting.reviewId(), FormCommands.newKey());
            keys.put("outcome-" + meeting.reviewId(), FormCommands.newKey());
        }
        model.addAttribute("keys", keys);
        return may;
    }

    private boolean may(String apiPath) {
        return permissions.mayPost(apiPath);
    }

    /**
     * The board decisions an appeal may be recorded against: each party's latest that had an appeal window — an appeal
     * lodged within it may be recorded later (rule 12).
     */
    private List<String[]> appealable(AgreementStatusView view) {
        List<String[]> options = new ArrayList<>();
        for (PartyStatusView party : view.parties()) {
            if (party.latestDecision() != null && party.appealWindowEndsOn() != null) {
                var decision = party.latestDecision();
                options.add(new String[] {
                    decision.decisionId(),
                    party.name() + ": " + decision.body() + ", "
                            + fmt.caseAndParagraph(decision.caseNumber(), decision.paragraph()) + ", "
                            + fmt.date(decision.decidedOn())
                });
            }
        }
        return options;
    }

    /** The text versions a party may approve: the submitted one, or the pending amendment's. */
    private static List<String[]> texts(AgreementStatusView view) {
        List<String[]> texts = new ArrayList<>();
        if (view.pendingAmendment() != null) {
            texts.add(new String[] {
                view.pendingAmendment().textSha256(),
                "v" + view.pendingAmendment().textVersion()
            });
        }
        if (view.state() == AgreementState.AWAITING_APPROVAL && view.textSha256() != null) {
            texts.add(new String[] {view.textSha256(), "v" + view.textVersion()});
        }
        return texts;
    }

    /** A draft's revision form starts from the draft as it is: its text, titles and term. */
    private static Map<String, String> revision(AgreementStatusView view, AgreementDocuments named) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("text.sha256", view.textSha256() == null ? "" : view.textSha256());
        String textTitle = named.documents().stream()
                .filter(d -> d.sha256().equals(view.textSha256()))
                .map(AgreementDocuments.NamedDocument::name)
                .filter(name -> name != null)
                .findFirst()
                .orElse("");
        values.put("text.title", textTitle);
        if (view.title() != null) {
            values.put("title.sv", nullToEmpty(view.title().sv()));
            values.put("title.da", nullToEmpty(view.title().da()));
            values.put("title.en", nullToEmpty(view.title().en()));
        }
        if (view.term() != null) {
            values.put(
                    "term.startsOn",
                    view.term().startsOn() == null ? "" : view.term().startsOn().toString());
            values.put(
                    "term.endsOn",
                    view.term().endsOn() == null ? "" : view.term().endsOn().toString());
            values.put(
                    "term.untilFurtherNotice",
                    String.valueOf(Boolean.TRUE.equals(view.term().untilFurtherNotice())));
            values.put(
                    "term.noticePeriodMonths",
                    view.term().noticePeriodMonths() == null
                            ? ""
                            : view.term().noticePeriodMonths().toString());
            values.put("term.waitForLegalForce", String.valueOf(view.term().waitsForLegalForce()));
        }
        values.put(
                "focusAreas",
                view.focusAreas() == null
                        ? ""
                        : String.join(
                                "\n",
                                view.focusAreas().stream()
                                        .map(a -> a.code() + "; "
                                                + nullToEmpty(a.title().sv()) + "; "
                                                + nullToEmpty(a.title().da()) + "; "
                                                + nullToEmpty(a.title().en()))
                                        .toList()));
        return values;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
