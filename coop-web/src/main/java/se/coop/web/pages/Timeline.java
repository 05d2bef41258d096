package se.coop.web.pages;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.springframework.web.util.HtmlUtils;
import se.coop.api.BoardOutcome;
import se.coop.api.BusinessTime;
import se.coop.api.query.AgreementHistory;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.HistoryEntry;
import se.coop.api.query.PartyStatusView;
import se.coop.api.query.ReviewView;
import se.coop.web.Formats;

/**
 * An agreement's life as a picture, drawn on the server as SVG: a lane for the agreement (entry into force,
 * amendments, reviews held and planned, the end) and one per party (its signature, its board decision, the Swedish
 * appeal window as a bar ending on the day the decision became legally final, its notice). Every mark is also an
 * entry of the text alternative, in date order, so the picture says nothing the text does not.
 */
final class Timeline {

    /** One mark, as the text alternative lists it. */
    record Entry(LocalDate on, String lane, String text) {}

    private static final int WIDTH = 960;
    private static final int LABELS = 210;
    private static final int AXIS = 34;
    private static final int LANE = 40;
    private static final String INK = "#1b1b1b";
    private static final String ADOPTED = "#1d6b35";
    private static final String REFUSED = "#a4262c";
    private static final String NEUTRAL = "#545454";
    private static final String APPEAL = "#8a5a00";
    private static final String NOTICE = "#6b3fa0";
    private static final String PLANNED = "#0b5cad";

    private final List<Entry> entries = new ArrayList<>();
    private final List<LocalDate> dates = new ArrayList<>();
    private final List<String> lanes = new ArrayList<>();
    private final BiFunction<String, Object[], String> text;
    private final Formats fmt;

    private Timeline(BiFunction<String, Object[], String> text, Formats fmt) {
        this.text = text;
        this.fmt = fmt;
    }

    String svg;

    List<Entry> entries() {
        return entries;
    }

    /**
     * The picture of {@code view} (as of whichever moment it shows), its meetings and its history; {@code today}
     * draws the line of today, {@code text} gives the page's words by message key.
     */
    static Timeline of(
            AgreementStatusView view,
            List<ReviewView> meetings,
            AgreementHistory history,
            LocalDate today,
            BiFunction<String, Object[], String> text,
            Formats fmt) {
        Timeline timeline = new Timeline(text, fmt);
        timeline.collect(view, meetings, history, today);
        return timeline;
    }

    /** A mark to draw: its lane, day (and last day, for a bar), shape, colour and words. */
    private record Mark(int lane, LocalDate on, LocalDate until, Shape shape, String colour, String words) {}

    private final List<Mark> marks = new ArrayList<>();

    private void collect(
            AgreementStatusView view, List<ReviewView> meetings, AgreementHistory history, LocalDate today) {
        String agreement = text.apply("timeline.lane.agreement", new Object[0]);
        lanes.add(agreement);
        for (PartyStatusView party : view.parties()) {
            lanes.add(party.name());
        }
        if (view.effectiveFrom() != null) {
            mark(
                    0,
                    view.effectiveFrom(),
                    null,
                    Shape.TRIANGLE,
                    ADOPTED,
                    "timeline.inForce",
                    fmt.date(view.effectiveFrom()));
        }
        if (history != null) {
            for (HistoryEntry entry : history.entries()) {
                LocalDate on = LocalDate.ofInstant(entry.recordedAt(), BusinessTime.ZONE);
                if (entry.type().equals("AmendmentEnteredIntoForce")) {
                    mark(0, on, null, Shape.STAR, ADOPTED, "timeline.amendment", fmt.date(on));
                }
            }
        }
        for (ReviewView meeting : meetings) {
            if ("HELD".equals(meeting.status()) && meeting.heldOn() != null) {
                mark(0, meeting.heldOn(), null, Shape.DOT, NEUTRAL, "timeline.reviewHeld", fmt.date(meeting.heldOn()));
            } else if ("SCHEDULED".equals(meeting.status()) && meeting.startsAt() != null) {
                LocalDate on =
                        meeting.startsAt().atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
                mark(0, on, null, Shape.RING, PLANNED, "timeline.reviewPlanned", fmt.date(on));
            }
        }
        if (view.term() != null && view.term().endsOn() != null && view.endedOn() == null) {
            mark(
                    0,
                    view.term().endsOn(),
                    null,
                    Shape.BAR_END,
                    NEUTRAL,
                    "timeline.termEnds",
                    fmt.date(view.term().endsOn()));
        }
        if (view.terminatesOn() != null && view.endedOn() == null) {
            mark(
                    0,
                    view.terminatesOn(),
                    null,
                    Shape.BAR_END,
                    REFUSED,
                    "timeline.terminates",
                    fmt.date(view.terminatesOn()));
        }
        if (view.endedOn() != null) {
            mark(0, view.endedOn(), null, Shape.SQUARE, REFUSED, "timeline.ended", fmt.date(view.endedOn()));
        }
        for (int i = 0; i < view.parties().size(); i++) {
            PartyStatusView party = view.parties().get(i);
            int lane = i + 1;
            if (party.signedOn() != null) {
                mark(lane, party.signedOn(), null, Shape.DIAMOND, INK, "timeline.signed", fmt.date(party.signedOn()));
            }
            var decision = party.latestDecision();
            if (decision != null) {
                if (party.appealWindowEndsOn() != null) {
                    LocalDate barEnd =
                            party.legallyFinalOn() != null ? party.legallyFinalOn() : party.appealWindowEndsOn();
                    mark(
                            lane,
                            decision.decidedOn(),
                            barEnd,
                            Shape.BAR,
                            APPEAL,
                            "timeline.appealWindow",
                            fmt.date(party.appealWindowEndsOn()));
                    if (party.legallyFinalOn() != null) {
                        mark(
                                lane,
                                party.legallyFinalOn(),
                                null,
                                Shape.BAR_END,
                                APPEAL,
                                "timeline.legallyFinal",
                                fmt.date(party.legallyFinalOn()));
                    }
                }
                String colour = decision.outcome() == BoardOutcome.ADOPTED
                        ? ADOPTED
                        : decision.outcome() == BoardOutcome.REJECTED ? REFUSED : NEUTRAL;
                mark(
                        lane,
                        decision.decidedOn(),
                        null,
                        Shape.DOT,
                        colour,
                        "timeline.decision",
                        decision.body(),
                        text.apply("outcome." + decision.outcome().name(), new Object[0]),
                        fmt.caseAndParagraph(decision.caseNumber(), decision.paragraph()),
                        fmt.date(decision.decidedOn()));
            }
            if (party.leavesOn() != null) {
                LocalDate noticeGiven = noticeGiven(history, party.partyId());
                mark(
                        lane,
                        noticeGiven == null ? party.leavesOn() : noticeGiven,
                        party.leavesOn(),
                        Shape.BAR,
                        NOTICE,
                        "timeline.notice",
                        fmt.date(party.leavesOn()));
            }
        }
        dates.add(today);
        draw(today);
    }

    private static LocalDate noticeGiven(AgreementHistory history, String partyId) {
        if (history == null) {
            return null;
        }
        return history.entries().stream()
                .filter(e -> e.type().equals("NoticeGiven") && partyId.equals(e.partyId()))
                .map(e -> LocalDate.ofInstant(e.recordedAt(), BusinessTime.ZONE))
                .reduce((a, b) -> b)
                .orElse(null);
    }

    private enum Shape {
        DOT,
        RING,
        DIAMOND,
        TRIANGLE,
        SQUARE,
        STAR,
        BAR,
        BAR_END
    }

    private void mark(int lane, LocalDate on, LocalDate until, Shape shape, String colour, String key, Object... args) {
        String words = text.apply(key, args);
        entries.add(new Entry(on, lanes.get(lane), words));
        dates.add(on);
        if (until != null) {
            dates.add(until);
        }
        marks.add(new Mark(lane, on, until, shape, colour, words));
    }

    private void draw(LocalDate today) {
        LocalDate first =
                dates.stream().min(Comparator.naturalOrder()).orElse(today).minusDays(45);
        LocalDate last =
                dates.stream().max(Comparator.naturalOrder()).orElse(today).plusDays(45);
        double days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        int height = AXIS + lanes.size() * LANE + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" aria-labelledby=\"timeline-title\" aria-describedby=\"timeline-text\">");
        svg.append("<title id=\"timeline-title\">")
                .append(escape(text.apply("timeline.title", new Object[0])))
                .append("</title>");
        for (int i = 0; i < lanes.size(); i++) {
            int y = AXIS + i * LANE;
            if (i % 2 == 0) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f3f3f3\"/>",
                        y,
                        WIDTH,
                        LANE));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"6\" y=\"%d\" font-size=\"13\" fill=\"%s\">%s</text>",
                    y + LANE / 2 + 4,
                    INK,
                    escape(shorten(lanes.get(i)))));
        }
        if (days < 900) {
            // a short life: a tick at each month, a label at every few, so that no label overlaps the next
            java.time.format.DateTimeFormatter month = java.time.format.DateTimeFormatter.ofPattern(
                    "MMM yyyy", org.springframework.context.i18n.LocaleContextHolder.getLocale());
            long months = ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1)) + 1;
            long every = Math.max(1, (months + 7) / 8);
            int n = 0;
            for (LocalDate tick = first.withDayOfMonth(1).plusMonths(1);
                    !tick.isAfter(last);
                    tick = tick.plusMonths(1)) {
                double x = x(tick, first, days);
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#b0b0b0\" stroke-width=\"1\"/>",
                        x,
                        AXIS - 4,
                        x,
                        height - 10));
                if (n++ % every == 0) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"%s\" text-anchor=\"middle\">%s</text>",
                            x,
                            AXIS - 12,
                            INK,
                            escape(tick.format(month))));
                }
            }
        }
        for (int year = first.getYear(); days >= 900 && year <= last.getYear() + 1; year++) {
            LocalDate jan = LocalDate.of(year, 1, 1);
            if (jan.isBefore(first) || jan.isAfter(last)) {
                continue;
            }
            double x = x(jan, first, days);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#767676\" stroke-width=\"1\"/>",
                    x,
                    AXIS - 6,
                    x,
                    height - 10));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"%s\" text-anchor=\"middle\">%d</text>",
                    x,
                    AXIS - 12,
                    INK,
                    year));
        }
        double now = x(today, first, days);
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>",
                now,
                AXIS - 4,
                now,
                height - 10,
                PLANNED));
        for (Mark mark : marks) {
            int lane = mark.lane();
            LocalDate on = mark.on();
            LocalDate until = mark.until();
            Shape shape = mark.shape();
            String colour = mark.colour();
            String words = escape(mark.words());
            double x = x(on, first, days);
            double y = AXIS + lane * LANE + LANE / 2.0;
            svg.append("<g><title>").append(words).append("</title>");
            switch (shape) {
                case DOT ->
                    svg.append(String.format(
                            Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\"/>", x, y, colour));
                case RING ->
                    svg.append(String.format(
                            Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#fff\" stroke=\"%s\" stroke-width=\"2.5\"/>",
                            x,
                            y,
                            colour));
                case DIAMOND ->
                    svg.append(String.format(
                            Locale.ROOT,
                            "<path d=\"M%.1f %.1f l6 6 l-6 6 l-6 -6 z\" fill=\"%s\"/>",
                            x,
                            y - 19,
                            colour));
                case TRIANGLE ->
                    svg.append(String.format(
                            Locale.ROOT, "<path d=\"M%.1f %.1f l8 14 l-16 0 z\" fill=\"%s\"/>", x, y - 8, colour));
                case SQUARE ->
                    svg.append(String.format(
                            Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                            x - 6,
                            y - 6,
                            colour));
                case STAR ->
                    svg.append(String.format(
                            Locale.ROOT,
                            "<path d=\"M%.1f %.1f l2.4 5 5.4 .6 -4 3.7 1.1 5.3 -4.9 -2.7 -4.9 2.7 1.1 -5.3 -4 -3.7 5.4 -.6z\""
                                    + " fill=\"%s\"/>",
                            x,
                            y - 8,
                            colour));
                case BAR -> {
                    double end = x(until, first, days);
                    svg.append(String.format(
                            Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"8\" rx=\"2\" fill=\"%s\" opacity=\"0.85\"/>",
                            x,
                            y + 6,
                            Math.max(2, end - x),
                            colour));
                }
                case BAR_END ->
                    svg.append(String.format(
                            Locale.ROOT,
                            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>",
                            x,
                            y - 10,
                            x,
                            y + 14,
                            colour));
            }
            svg.append("</g>");
        }
        svg.append("</svg>");
        this.svg = svg.toString();
        entries.sort(Comparator.comparing(Entry::on));
    }

    private static double x(LocalDate date, LocalDate first, double days) {
        return LABELS + (WIDTH - LABELS - 16) * (ChronoUnit.DAYS.between(first, date) / days);
    }

    private static String shorten(String name) {
        return name.length() > 28 ? name.substring(0, 27) + "…" : name;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
