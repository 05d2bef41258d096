package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import se.coop.api.BusinessTime;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.PartyId;
import se.coop.api.input.ClientText;
import se.coop.api.input.PlausibleDates;
import se.coop.api.query.ReviewView;
import se.coop.api.register.PartyRegister;
import se.coop.api.register.RegisteredParty;
import se.coop.query.QueryNode;
import se.coop.query.calendar.CalendarController;
import se.coop.query.web.ReviewQueryController;
import se.coop.query.web.UserEmails;
import se.coop.web.FormCommands;
import se.coop.web.Formats;
import se.coop.web.Permissions;
import se.coop.web.ProblemDescriber;

/**
 * A month of meetings for a party or a reviewer, each in its agreement's local time, with the signed-in user's own
 * meetings first; and the subscription feed for a reviewer or a party, its address shown once to copy.
 */
@Controller
@QueryNode
class CalendarPage {

    /** A day of the month grid: its date, whether it lies in the month shown, its meetings. */
    record Day(LocalDate date, boolean inMonth, boolean today, List<ReviewView> meetings) {}

    /** The feed form's fields: the request body of {@code POST /api/v1/calendar/feeds}. */
    private static final Map<String, FormCommands.Kind> FEED_FIELDS =
            Map.of("reviewer", FormCommands.Kind.TEXT, "party", FormCommands.Kind.TEXT);

    private final ReviewQueryController reviews;
    private final CalendarController calendar;
    private final Permissions permissions;
    private final UserEmails emails;
    private final FormCommands forms;
    private final ProblemDescriber problems;
    private final Clock clock;
    private final PartyRegister register;

    CalendarPage(
            ReviewQueryController reviews,
            CalendarController calendar,
            Permissions permissions,
            UserEmails emails,
            FormCommands forms,
            ProblemDescriber problems,
            Clock clock,
            PartyRegister register) {
        this.register = register;
        this.reviews = reviews;
        this.calendar = calendar;
        this.permissions = permissions;
        this.emails = emails;
        this.forms = forms;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String show(
            @RequestParam(required = false) String party,
            @RequestParam(required = false) String reviewer,
            @RequestParam(required = false) String month,
            Model model) {
        permissions.require("GET", "/api/v1/reviews");
        fill(model, byName(party, model), reviewer, month);
        return "calendar";
    }

    /**
     * A party as the reader named it: its id as it is; a name, the organisation of the party register that is the
     * only one to match it (the page says whose meetings it shows) — else no party, and the page says why.
     */
    private String byName(String party, Model model) {
        String given = blank(party);
        if (given == null || given.equals(PartyId.suggest(given))) {
            // nothing, or an id in the form clients name parties in
            return party;
        }
        List<RegisteredParty> found = given.length() > 200 || ClientText.problem(given, false) != null
                ? List.of()
                : register.search(given, null, null, 2);
        if (found.size() == 1) {
            model.addAttribute("partyFound", found.get(0).names().in(Formats.language()));
            return found.get(0).partyId();
        }
        if (found.isEmpty() && PartyId.isId(given)) {
            // an id in a form earlier versions stored (capitals, '.', '_')
            return given;
        }
        model.addAttribute("partyNotFound", given);
        return null;
    }

    @PostMapping("/calendar/feeds")
    String createFeed(
            @RequestParam(required = false) String party,
            @RequestParam(required = false) String reviewer,
            @RequestParam(required = false) String month,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        permissions.require("POST", "/api/v1/calendar/feeds");
        try {
            // the API's own body, read and checked as the API reads it (a party id in the form clients use)
            CalendarController.FeedRequest body =
                    forms.read(request, FEED_FIELDS, () -> BusinessTime.ZONE, CalendarController.FeedRequest.class);
            // shown once, on the page the browser is sent to: reloading it sends nothing again
            redirect.addFlashAttribute(
                    "feed",
                    calendar.create(body, request.getUserPrincipal(), request).getBody());
            return "redirect:"
                    + UriComponentsBuilder.fromPath("/calendar")
                            .queryParamIfPresent("party", java.util.Optional.ofNullable(blank(party)))
                            .queryParamIfPresent("reviewer", java.util.Optional.ofNullable(blank(reviewer)))
                            .queryParamIfPresent("month", java.util.Optional.ofNullable(blank(month)))
                            .encode()
                            .build()
                            .toUriString();
        } catch (RuntimeException e) {
            FormCommands.Problem problem = FormCommands.problem(problems.describe(e));
            model.addAttribute("problem", problem);
            response.setStatus(problem.status());
        }
        fill(model, party, reviewer, month);
        return "calendar";
    }

    private void fill(Model model, String party, String reviewer, String month) {
        LocalDate today = BusinessTime.today(clock);
        YearMonth shown = month(month, today);
        LocalDate first = shown.atDay(1);
        LocalDate gridStart = first.minusDays(first.getDayOfWeek().getValue() - 1L);
        LocalDate last = shown.atEndOfMonth();
        LocalDate gridEnd = last.plusDays(7L - last.getDayOfWeek().getValue());
        List<ReviewView> meetings =
                reviews.reviews(gridStart, gridEnd, blank(party), blank(reviewer), null).getBody().content().stream()
                        .filter(m -> !"CANCELLED".equals(m.status()))
                        .toList();
        Optional<String> own = Optional.ofNullable(
                        SecurityContextHolder.getContext().getAuthentication())
                .flatMap(emails::of);
        List<ReviewView> mine = own.map(email -> meetings.stream()
                        .filter(m -> m.reviewers().stream().anyMatch(r -> email.equalsIgnoreCase(r.email())))
                        .filter(m -> !dayOf(m).isBefore(first) && !dayOf(m).isAfter(last))
                        .toList())
                .orElse(List.of());
        // the reader's own meetings of the coming year, whichever month is shown: nobody pages month by month for them
        List<ReviewView> upcoming = own.map(email ->
                        reviews.reviews(today, today.plusYears(1), null, email, null).getBody().content().stream()
                                .filter(m -> "SCHEDULED".equals(m.status()))
                                .toList())
                .orElse(List.of());
        model.addAttribute("upcoming", upcoming);
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate day = gridStart; !day.isAfter(gridEnd); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
                weeks.add(new ArrayList<>());
            }
            LocalDate date = day;
            List<ReviewView> onDay = meetings.stream()
                    .filter(m -> dayOf(m).equals(date))
                    .sorted(Comparator.comparing((ReviewView m) -> !mine.contains(m)))
                    .toList();
            weeks.get(weeks.size() - 1)
                    .add(new Day(date, !date.isBefore(first) && !date.isAfter(last), date.equals(today), onDay));
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<String> weekdays = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekdays.add(day.getDisplayName(TextStyle.SHORT, locale));
        }
        model.addAttribute("weeks", weeks);
        model.addAttribute("weekdays", weekdays);
        model.addAttribute(
                "monthName",
                capitalized(shown.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale), locale) + " "
                        + shown.getYear());
        model.addAttribute("month", shown.toString());
        model.addAttribute("previous", shown.minusMonths(1).toString());
        model.addAttribute("next", shown.plusMonths(1).toString());
        model.addAttribute(
                "inMonth",
                meetings.stream()
                        .filter(m -> !dayOf(m).isBefore(first) && !dayOf(m).isAfter(last))
                        .sorted(Comparator.comparing((ReviewView m) -> !mine.contains(m)))
                        .toList());
        model.addAttribute("mine", mine);
        model.addAttribute("ownEmail", own.orElse(null));
        model.addAttribute("party", party == null ? "" : party);
        model.addAttribute("reviewer", reviewer == null ? own.orElse("") : reviewer);
        model.addAttribute("mayCreateFeed", permissions.mayPost("/api/v1/calendar/feeds"));
        // the feeds that are live, for whoever may list and revoke them (secretariats and operators)
        FeedList.addTo(model, permissions, calendar, register);
    }

    /**
     * Revokes a feed by its id, as the list shows it: the API's DELETE, then the page the list was on again (the
     * calendar, or the operator page), saying so — or why not.
     */
    @PostMapping("/calendar/feeds/{feedId}/revoke")
    String revokeFeed(
            @org.springframework.web.bind.annotation.PathVariable String feedId,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        permissions.require("DELETE", "/api/v1/calendar/feeds/" + feedId);
        try {
            calendar.revoke(feedId);
            redirect.addFlashAttribute("feedRevoked", true);
        } catch (RuntimeException e) {
            redirect.addFlashAttribute(
                    "feedProblem", FormCommands.problem(problems.describe(e)).detail());
        }
        return "redirect:" + FeedList.back(back);
    }

    /** "Februari 2027" as a heading, though Swedish writes its months in small letters within a sentence. */
    private static String capitalized(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** The meeting's day in its agreement's own time zone. */
    static LocalDate dayOf(ReviewView meeting) {
        if (meeting.startsAt() != null) {
            return meeting.startsAt()
                    .atZoneSameInstant(ZoneId.of(meeting.timeZone()))
                    .toLocalDate();
        }
        return meeting.heldOn();
    }

    private static YearMonth month(String month, LocalDate today) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(today);
        }
        try {
            YearMonth parsed = YearMonth.parse(month.strip());
            PlausibleDates.requirePlausible(parsed.atDay(1));
            return parsed;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new CoopProblem(
                    ErrorCode.VALIDATION_FAILED, "month: expected a month as YYYY-MM from 1900 to 2199", "month");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
