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
 * values joined with {@value #JOIN}), with the headers people read in Swedish and English. A cell holds text, a
 * date, a local date and time, or a yes/no.
 */
final class RegisterColumns {

    static final String JOIN = " | ";

    /** One column: its JSON name, its headers, and its value in a row (null for an empty cell). */
    record Column(String name, String sv, String en, Function<AgreementStatusView, Object> value) {

        String header(String lang) {
            return lang == null ? name : "sv".equals(lang) ? sv : en;
        }
    }

    static final List<Column> ALL = List.of(
            new Column("agreementId", "Id", "Id", AgreementStatusView::agreementId),
            new Column(
                    "title.sv",
                    "Titel (svenska)",
                    "Title (Swedish)",
                    a -> a.title() == null ? null : a.title().sv()),
            new Column(
                    "title.da",
                    "Titel (danska)",
                    "Title (Danish)",
                    a -> a.title() == null ? null : a.title().da()),
            new Column(
                    "title.en",
                    "Titel (engelska)",
                    "Title (English)",
                    a -> a.title() == null ? null : a.title().en()),
            new Column(
                    "kind",
                    "Slag",
                    "Kind",
                    a -> a.kind() == null ? null : a.kind().name()),
            new Column("state", "Läge", "State", a -> a.state().name()),
            new Column("effectiveFrom", "Gäller från", "In force from", AgreementStatusView::effectiveFrom),
            new Column(
                    "term.endsOn",
                    "Avtalstid till",
                    "Term ends on",
                    a -> a.term() == null ? null : a.term().endsOn()),
            new Column("terminatesOn", "Upphör", "Terminates on", AgreementStatusView::terminatesOn),
            new Column("endedOn", "Upphörde", "Ended on", AgreementStatusView::endedOn),
            new Column("parties.name", "Parter", "Parties", a -> join(a.parties(), PartyStatusView::name)),
            new Column("parties.country", "Länder", "Countries", a -> join(a.parties(), PartyStatusView::country)),
            new Column(
                    "parties.lead",
                    "Huvudman",
                    "Lead",
                    a -> join(a.parties().stream().filter(PartyStatusView::lead).toList(), PartyStatusView::name)),
            new Column("focusAreas.code", "Fokusområden", "Focus areas", a -> join(a.focusAreas(), FocusArea::code)),
            new Column("nextReview.startsAt", "Nästa uppföljning", "Next review", RegisterColumns::nextReview),
            new Column("reviewDueOn", "Uppföljning senast", "Review due by", AgreementStatusView::reviewDueOn),
            new Column("overdue", "Försenad", "Overdue", AgreementStatusView::overdue),
            new Column(
                    "latestDecisionOn",
                    "Senaste beslut",
                    "Latest board decision",
                    AgreementStatusView::latestDecisionOn));

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
