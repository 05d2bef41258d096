package se.coop.query.extract;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import se.coop.api.BusinessTime;
import se.coop.api.FocusArea;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.PartyStatusView;

/**
 * The register's columns, one row per agreement: each named by its field in the list's JSON (a dotted path; a list's
 * values joined with {@value #JOIN}); the headers people read, and the codes in their words, come from {@link
 * RegisterWords} ({@link #inWords}). A cell holds text, a code, a date, a local date and time, or a yes/no.
 */
final class RegisterColumns {

    static final String JOIN = " | ";

    /** One column: its header (its JSON name unless in words), and its value in a row (null for an empty cell). */
    record Column(String name, String header, Function<AgreementStatusView, Object> value) {

        Column(String name, Function<AgreementStatusView, Object> value) {
            this(name, name, value);
        }
    }

    /**
     * The columns with people's headers in {@code lang}, and — when {@code values} — their codes in words too (a state
     * "Gäller", not IN_FORCE; yes/no, not true/false).
     */
    static List<Column> inWords(RegisterWords words, String lang, boolean values) {
        return ALL.stream()
                .map(c -> new Column(
                        c.name(),
                        words.header(c.name(), lang),
                        values ? c.value().andThen(v -> v == null ? null : words.value(v, lang)) : c.value()))
                .toList();
    }

    static final List<Column> ALL = List.of(
            new Column("agreementId", AgreementStatusView::agreementId),
            new Column("title.sv", a -> a.title() == null ? null : a.title().sv()),
            new Column("title.da", a -> a.title() == null ? null : a.title().da()),
            new Column("title.en", a -> a.title() == null ? null : a.title().en()),
            new Column("kind", a -> a.kind()),
            new Column("state", AgreementStatusView::state),
            new Column("effectiveFrom", AgreementStatusView::effectiveFrom),
            new Column("term.endsOn", a -> a.term() == null ? null : a.term().endsOn()),
            new Column("terminatesOn", AgreementStatusView::terminatesOn),
            new Column("endedOn", AgreementStatusView::endedOn),
            new Column("parties.name", a -> join(a.parties(), PartyStatusView::name)),
            new Column("parties.country", a -> join(a.parties(), PartyStatusView::country)),
            new Column(
                    "parties.lead",
                    a -> join(a.parties().stream().filter(PartyStatusView::lead).toList(), PartyStatusView::name)),
            new Column("focusAreas.code", a -> join(a.focusAreas(), FocusArea::code)),
            new Column("nextReview.startsAt", RegisterColumns::nextReview),
            new Column("reviewDueOn", AgreementStatusView::reviewDueOn),
            new Column("overdue", AgreementStatusView::overdue),
            new Column("latestDecisionOn", AgreementStatusView::latestDecisionOn));

    private RegisterColumns() {}

    private static <T> String join(List<T> values, Function<T, String> value) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return String.join(
                JOIN, values.stream().map(value).filter(Objects::nonNull).toList());
    }

    /** The next meeting's start as a local date and time where it is held. */
    private static LocalDateTime nextReview(AgreementStatusView agreement) {
        if (agreement.nextReview() == null || agreement.nextReview().startsAt() == null) {
            return null;
        }
        ZoneId zone = BusinessTime.zoneOf(agreement.parties().stream()
                .filter(PartyStatusView::lead)
                .map(PartyStatusView::country)
                .findFirst()
                .orElse(null));
        return agreement.nextReview().startsAt().atZoneSameInstant(zone).toLocalDateTime();
    }
}
