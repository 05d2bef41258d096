package se.coop.query.reminders;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.Bidi;
import se.coop.api.BusinessTime;
import se.coop.api.LocalizedText;
import se.coop.api.ReviewDecision;
import se.coop.query.QueryNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a digest says: for each reminder, the agreement, the meeting (when and where) or what is due, what the last
 * review decided, and a link — in Swedish, with English beside it.
 */
@QueryNode
@Component
class DigestText {

    private static final DateTimeFormatter SV =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv"));
    private static final DateTimeFormatter SV_DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv"));

    private final JdbcTemplate jdbc;
    private final PublicAddress address;
    private final JsonMapper json = JsonMapper.builder().build();

    DigestText(JdbcTemplate jdbc, PublicAddress address) {
        this.jdbc = jdbc;
        this.address = address;
    }

    /** The subject line: how many reminders, in both languages. */
    static String subject(int reminders) {
        return "Coop: " + reminders + (reminders == 1 ? " påminnelse" : " påminnelser") + " / " + reminders
                + (reminders == 1 ? " reminder" : " reminders");
    }

    /** The digest in Swedish, with the facts a reviewer needs for each reminder. */
    String text(List<DeliveryLedger.Item> items, LocalDate today) {
        StringBuilder text = new StringBuilder();
        text.append("Hej ").append(items.get(0).recipientName()).append(",\n\n");
        text.append("här är dina påminnelser från Coop (your reminders from Coop):\n");
        int n = 0;
        for (DeliveryLedger.Item item : items) {
            n++;
            text.append('\n')
                    .append(n)
                    .append(". ")
                    .append(agreementTitle(item.agreementId()))
                    .append('\n');
            ZoneId zone = BusinessTime.ZONE;
            OffsetDateTime due = OffsetDateTime.ofInstant(item.dueAt(), zone);
            switch (item.subject()) {
                case "MEETING" ->
                    text.append("   ")
                            .append(item.title() != null ? Bidi.isolate(item.title()) : "Möte / meeting")
                            .append(": ")
                            .append(SV.format(due))
                            .append(item.location() == null ? "" : ", " + Bidi.isolate(item.location()))
                            .append(inDays(today, due.toLocalDate()))
                            .append('\n');
                case "OVERDUE_REVIEW" ->
                    text.append("   Ingen årlig uppföljning är hållen eller planerad inom avtalets"
                                    + " intervall (förfallen sedan ")
                            .append(SV_DAY.format(due.minusDays(1)))
                            .append("). / The annual review is overdue.\n");
                default ->
                    text.append("   ")
                            .append(item.title() != null ? Bidi.isolate(item.title()) : "Årlig redovisning")
                            .append(": senast ")
                            .append(SV_DAY.format(due))
                            .append(" / due by ")
                            .append(due.toLocalDate())
                            .append('\n');
            }
            text.append("   Senast beslutat / last decided: ")
                    .append(lastDecision(item.agreementId()))
                    .append('\n');
            text.append("   ").append(address.agreementLink(item.agreementId())).append('\n');
        }
        text.append("\nCoop\n");
        return text.toString();
    }

    private static String inDays(LocalDate today, LocalDate day) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, day);
        if (days <= 0) {
            return " (i dag / today)";
        }
        return days == 1 ? " (i morgon / tomorrow)" : " (om " + days + " dagar / in " + days + " days)";
    }

    private String agreementTitle(String agreementId) {
        List<String> titles = jdbc.queryForList(
                "SELECT title FROM review_agreement WHERE agreement_id = ?", String.class, agreementId);
        return titles.isEmpty()
                ? agreementId
                : Bidi.isolate(
                        json.readValue(titles.get(0), LocalizedText.class).in("sv"));
    }

    private String lastDecision(String agreementId) {
        List<String> decisions = jdbc.query(
                "SELECT held_on, outcome_summary, outcome_decision FROM review_meeting"
                        + " WHERE agreement_id = ? AND status = 'HELD' AND kind = 'ANNUAL_REVIEW'"
                        + " ORDER BY held_on DESC LIMIT 1",
                (rs, row) -> SV_DAY.format(rs.getDate(1).toLocalDate()) + ": " + Bidi.isolate(rs.getString(2)) + " ("
                        + decision(rs.getString(3)) + ")",
                agreementId);
        return decisions.isEmpty() ? "ingen uppföljning hållen ännu / no review held yet" : decisions.get(0);
    }

    private static String decision(String decision) {
        if (decision == null) {
            return "";
        }
        return switch (ReviewDecision.valueOf(decision)) {
            case CONTINUE -> "fortsätta / continue";
            case AMEND -> "ändra avtalet / amend";
            case TERMINATE -> "avsluta avtalet / terminate";
        };
    }
}
