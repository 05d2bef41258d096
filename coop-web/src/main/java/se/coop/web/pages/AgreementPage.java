package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.coop.api.AgreementState;
import se.coop.api.BusinessTime;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.input.PlausibleDates;
import se.coop.api.query.AgreementDocuments;
import se.coop.api.query.AgreementHistory;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.HistoryEntry;
import se.coop.api.query.PartyStatusView;
import se.coop.api.query.ReviewView;
import se.coop.command.web.AgreementCommandController;
import se.coop.documents.DocumentAccess;
import se.coop.query.QueryNode;
import se.coop.query.admin.ReadYourWrites;
import se.coop.query.audit.ChainVerification;
import se.coop.query.audit.EventLog;
import se.coop.query.web.AgreementQueryController;
import se.coop.query.web.ReadParameters;
import se.coop.query.web.ReviewQueryController;
import se.coop.web.FormCommands;
import se.coop.web.Formats;
import se.coop.web.Permissions;
import se.coop.web.ProblemDescriber;
import se.coop.web.Words;

/**
 * An agreement's page: its state, parties, decisions and appeal windows, the timeline, its history, documents and
 * links; for auditors the "as recorded at" and "valid on" pickers, the verification and the raw events; for the
 * secretariat the forms of the everyday commands. Every read and every form goes through the HTTP API's own
 * controllers.
 */
@Controller
@QueryNode
class AgreementPage {

    static final int EVENTS_PER_PAGE = 20;

    private final AgreementQueryController agreements;
    private final ReviewQueryController reviews;
    private final ObjectProvider<AgreementCommandController> commands;
    private final ReadYourWrites readYourWrites;
    private final AvailableForms availableForms;
    private final Permissions permissions;
    private final Formats fmt;
    private final Words words;
    private final DocumentAccess access;
    private final ProblemDescriber problems;
    private final Clock clock;

    AgreementPage(
            AgreementQueryController agreements,
            ReviewQueryController reviews,
            ObjectProvider<AgreementCommandController> commands,
            ReadYourWrites readYourWrites,
            AvailableForms availableForms,
            Permissions permissions,
            Formats fmt,
            Words words,
            DocumentAccess access,
            ProblemDescriber problems,
            Clock clock) {
        this.problems = problems;
        this.access = access;
        this.agreements = agreements;
        this.reviews = reviews;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.availableForms = availableForms;
        this.permissions = permissions;
        this.fmt = fmt;
        this.words = words;
        this.clock = clock;
    }

    @GetMapping("/agreements/{id}")
    String show(
            @PathVariable String id,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String validOn,
            @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "0") int events,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (after != null && after > 0 && model.containsAttribute("done")) {
            // the position a form of this session just wrote (a flash attribute says so): wait for it, as the API's
            // Coop-Min-Position does, within the same bound on waiting reads
            model.addAttribute("stillProcessing", !readYourWrites.awaitBounded(after));
            model.addAttribute("afterPosition", after);
        }
        FormCommands.Problem refused = pickers(asOf, validOn);
        if (refused != null) {
            // the dates the auditor picked cannot be shown: today's page, the pickers as typed and why
            response.setStatus(refused.status());
            return render(id, null, null, events, request, model, "pickers", refused);
        }
        return render(id, asOf, validOn, events, request, model, null, null);
    }

    /** What is wrong with the dates an auditor picked (one of them, a plausible moment or day, not after today). */
    private FormCommands.Problem pickers(String asOf, String validOn) {
        try {
            ReadParameters.past(asOf(asOf), validOn(validOn), clock);
            return null;
        } catch (CoopProblem e) {
            return FormCommands.problem(problems.describe(e));
        }
    }

    /**
     * The page shown again for a form of it: {@code failed} names the form, kept as typed, and {@code problem} is what
     * was refused (none when the reader went back from a confirmation to change the form).
     */
    String render(String id, HttpServletRequest request, Model model, String failed, FormCommands.Problem problem) {
        return render(id, null, null, 0, request, model, failed, problem);
    }

    /** The page, as of a moment when asked; {@code failed} and {@code problem} when a form was refused. */
    private String render(
            String id,
            String asOf,
            String validOn,
            int eventsPage,
            HttpServletRequest request,
            Model model,
            String failed,
            FormCommands.Problem problem) {
        String api = "/api/v1/agreements/" + id;
        permissions.require("GET", api);
        OffsetDateTime asOfInstant = asOf(asOf);
        LocalDate validOnDate = validOn(validOn);
        AgreementStatusView view =
                agreements.status(id, asOfInstant, validOnDate, request).getBody();
        boolean past = asOfInstant != null || validOnDate != null;
        LocalDate today = BusinessTime.today(clock);
        boolean mayReadHistory = permissions.mayRead(api + "/history");
        // read only for a reader the API would give it to (a reviewer is not)
        AgreementHistory history =
                mayReadHistory ? agreements.history(id, Formats.language()).getBody() : null;
        if (asOfInstant != null && history != null) {
            Instant cut = asOfInstant.toInstant();
            history = new AgreementHistory(
                    history.agreementId(),
                    history.entries().stream()
                            .filter(e -> !e.recordedAt().isAfter(cut))
                            .toList());
        }
        // the meetings read model knows each meeting as it is now, not when it was recorded: none as of a moment
        List<ReviewView> meetings = asOfInstant != null
                ? List.of()
                : reviews.reviews(LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31), null, null, view.agreementId())
                        .getBody()
                        .content();
        if (validOnDate != null) {
            meetings = meetings.stream()
                    .filter(m -> !CalendarPage.dayOf(m).isAfter(validOnDate))
                    .toList();
        }
        Timeline timeline =
                Timeline.of(view, meetings, history, past ? pastDay(asOfInstant, validOnDate) : today, this::text, fmt);
        model.addAttribute("view", view);
        model.addAttribute("pageTitle", fmt.title(view.title()));
        model.addAttribute("asOf", asOf == null ? "" : asOf);
        model.addAttribute("validOn", validOn == null ? "" : validOn);
        model.addAttribute("past", past);
        model.addAttribute(
                "pastLabel",
                asOfInstant != null
                        ? text("agreement.asOfShown", fmt.instant(asOfInstant.toInstant()))
                        : validOnDate != null ? text("agreement.validOnShown", fmt.date(validOnDate)) : null);
        model.addAttribute("history", history == null ? List.<HistoryEntry>of() : history.entries());
        if (history != null && model.getAttribute("afterPosition") instanceof Long written) {
            // the form just sent completed the approvals: its last event is the entry into force — said with "done"
            history.entries().stream()
                    .filter(e -> e.position() <= written)
                    .reduce((first, second) -> second.position() >= first.position() ? second : first)
                    .map(HistoryEntry::type)
                    .ifPresent(type -> {
                        if (type.equals("AgreementEnteredIntoForce") && view.effectiveFrom() != null) {
                            model.addAttribute(
                                    "reached", text("agreement.enteredIntoForceNow", fmt.date(view.effectiveFrom())));
                        } else if (type.equals("AmendmentEnteredIntoForce")) {
                            model.addAttribute("reached", text("agreement.amendmentInForceNow"));
                        }
                    });
        }
        model.addAttribute("mayReadHistory", mayReadHistory);
        model.addAttribute("meetings", meetings);
        Map<String, String> linkTitles = new LinkedHashMap<>();
        for (var link : view.links()) {
            if (link.otherAgreementId() != null) {
                try {
                    linkTitles.put(
                            link.otherAgreementId(),
                            fmt.title(agreements
                                    .status(link.otherAgreementId(), null, null, request)
                                    .getBody()
                                    .title()));
                } catch (CoopProblem gone) {
                    linkTitles.put(link.otherAgreementId(), link.otherAgreementId());
                }
            }
        }
        model.addAttribute("linkTitles", linkTitles);
        model.addAttribute(
                "linksTo", past ? List.of() : agreements.linksTo(id).getBody().links());
        model.addAttribute("timelineSvg", timeline.svg);
        model.addAttribute("timelineEntries", timeline.entries());
        model.addAttribute("zone", BusinessTime.zoneOf(leadCountry(view)).getId());
        model.addAttribute("today", today);
        model.addAttribute("now", OffsetDateTime.now(clock));
        model.addAttribute("downloads", downloads(view, api));
        // the documents are read from the events: none to read of a stream found deleted whole
        AgreementDocuments named = view.missingFromStore() != null
                ? new AgreementDocuments(view.agreementId(), null, false, List.of())
                : agreements.documents(id, asOfInstant, validOnDate, request).getBody();
        model.addAttribute("named", named);
        Map<String, Boolean> mayDownload = new LinkedHashMap<>();
        for (AgreementDocuments.NamedDocument document : named.documents()) {
            mayDownload.put(document.sha256(), document.held() && access.mayRead(request, document.sha256()));
        }
        model.addAttribute("mayDownload", mayDownload);
        boolean auditor = permissions.mayRead(api + "/verification");
        model.addAttribute("auditor", auditor);
        model.addAttribute("mayPickDates", auditor);
        // a stream found deleted whole has no events to show or verify: the page says so (missingFromStore)
        if (auditor && view.missingFromStore() != null) {
            model.addAttribute("events", List.of());
            model.addAttribute("eventsPage", 0);
            model.addAttribute("eventsPages", 1);
            model.addAttribute("eventsTotal", 0);
        } else if (auditor) {
            ChainVerification verification = agreements.verification(id);
            model.addAttribute("verification", verification);
            EventLog.Stream stream = agreements.events(id);
            int pages = Math.max(1, (stream.events().size() + EVENTS_PER_PAGE - 1) / EVENTS_PER_PAGE);
            int page = Math.max(0, Math.min(eventsPage, pages - 1));
            model.addAttribute(
                    "events",
                    stream.events()
                            .subList(
                                    page * EVENTS_PER_PAGE,
                                    Math.min(stream.events().size(), (page + 1) * EVENTS_PER_PAGE)));
            model.addAttribute("eventsPage", page);
            model.addAttribute("eventsPages", pages);
            model.addAttribute("eventsTotal", stream.events().size());
        }
        boolean commandsHere = commands.getIfAvailable() != null
                && !past
                && view.state() != AgreementState.ARCHIVED
                && view.missingFromStore() == null;
        Map<String, Boolean> may = availableForms.addTo(model, view, meetings, named, commandsHere);
        if (!past) {
            model.addAttribute("tasks", TaskList.of(view, today, may, words, fmt));
        }
        model.addAttribute("failed", failed);
        if (failed != null) {
            model.addAttribute("failedTitle", text("form." + failed.replaceFirst("-.*", "") + ".title"));
            model.addAttribute("failedAnchor", failed.contains("-") ? "#meetings" : "#form-" + failed);
        }
        model.addAttribute("problem", problem);
        model.addAttribute("errs", problem == null ? null : problem.fields());
        Map<String, String> values = new LinkedHashMap<>();
        if (failed != null) {
            request.getParameterMap().forEach((name, given) -> values.put(name, given.length == 0 ? "" : given[0]));
            // a file the form uploaded is kept: shown again by its hash, so it need not be chosen again
            if (request.getAttribute(FormCommands.UPLOADED) instanceof Map<?, ?> uploaded) {
                uploaded.forEach((field, value) -> values.put(String.valueOf(field), String.valueOf(value)));
            }
        }
        model.addAttribute("values", values);
        return "agreement";
    }

    private static LocalDate pastDay(OffsetDateTime asOf, LocalDate validOn) {
        return validOn != null
                ? validOn
                : asOf.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
    }

    static String leadCountry(AgreementStatusView view) {
        return view.parties().stream()
                .filter(PartyStatusView::lead)
                .map(PartyStatusView::country)
                .findFirst()
                .orElse("SE");
    }

    private OffsetDateTime asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime at;
        try {
            at = LocalDateTime.parse(value).atZone(BusinessTime.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            try {
                at = OffsetDateTime.parse(value);
            } catch (DateTimeParseException notEither) {
                throw new CoopProblem(
                        ErrorCode.VALIDATION_FAILED,
                        "expected a date and time as ISO-8601, e.g. 2026-06-01T09:00",
                        "asOf");
            }
        }
        try {
            PlausibleDates.requirePlausible(at.toLocalDate());
        } catch (IllegalArgumentException e) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, e.getMessage(), "asOf");
        }
        return at;
    }

    private LocalDate validOn(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PlausibleDates.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, e.getMessage(), "validOn");
        }
    }

    String text(String key, Object... args) {
        return words.text(key, args);
    }

    /** A link to a download: where, its label's message key and its media type. */
    record Download(String href, String label, String mediaType) {}

    /**
     * The downloads this reader may take: the dossier and, once the agreement is archived, its archive package
     * (auditors; an operator's preliminary extract of an agreement not archived is the API's alone).
     */
    private List<Download> downloads(AgreementStatusView view, String api) {
        String page = "/agreements/" + view.agreementId();
        List<Download> downloads = new ArrayList<>();
        if (permissions.mayRead(api + "/dossier")) {
            downloads.add(
                    new Download(page + "/dossier?format=pdf&lang=" + lang(), "extract.dossierPdf", "application/pdf"));
            downloads.add(new Download(
                    page + "/dossier?format=json&lang=" + lang(), "extract.dossierJson", "application/json"));
        }
        if (view.state() == AgreementState.ARCHIVED && permissions.mayRead(api + "/archive-package")) {
            downloads.add(new Download(page + "/archive-package", "extract.archivePackage", "application/zip"));
        }
        return downloads;
    }

    private static String lang() {
        return Formats.language();
    }
}
