package se.coop.query.open;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One agreement as the open register shows it (docs/open-data.md): what, who (organisations only), since when, its
 * state, each board decision, the next review. Nothing of a person: no signatory, reviewer, contact, dissenting member
 * or meeting place; no free text but the title.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"@id", "@type"})
public record OpenAgreement(
        @JsonProperty("@id") String uri,
        @JsonProperty("@type") String type,
        String identifier,
        Map<String, String> title,
        String kind,
        String state,
        boolean binding,
        LocalDate effectiveFrom,
        LocalDate endedOn,
        LocalDate terminatesOn,
        List<Track> focusAreas,
        List<Organisation> parties,
        List<Decision> decisions,
        LocalDate nextReviewOn,
        String nextReviewKind,
        LocalDate reviewDueOn,
        Instant modified) {

    /** The same, its URI (a path as built) under {@code base}. */
    OpenAgreement under(String base) {
        return new OpenAgreement(
                base + uri,
                type,
                identifier,
                title,
                kind,
                state,
                binding,
                effectiveFrom,
                endedOn,
                terminatesOn,
                focusAreas,
                parties,
                decisions,
                nextReviewOn,
                nextReviewKind,
                reviewDueOn,
                modified);
    }

    /** A focus area (track) of the cooperation: its code and title. */
    public record Track(String identifier, Map<String, String> title) {}

    /** A party: an organisation, by the name and body the agreement records. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"@type"})
    public record Organisation(
            @JsonProperty("@type") String type,
            String identifier,
            String name,
            String organisationKind,
            String country,
            String adoptingBody,
            boolean lead,
            String participation,
            LocalDate leavesOn) {}

    /** A board's decision on the agreement (or on an amendment of it), as recorded, and its appeals. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"@type"})
    public record Decision(
            @JsonProperty("@type") String type,
            String identifier,
            String party,
            String partyName,
            String body,
            String outcome,
            LocalDate decidedOn,
            String caseNumber,
            String paragraph,
            int textVersion,
            boolean counts,
            LocalDate minutesPostedOn,
            LocalDate appealWindowEndsOn,
            String finality,
            LocalDate legallyFinalOn,
            List<Appeal> appeals) {}

    /** A step of an appeal against a decision: a court's case, not the appellant. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"@type"})
    public record Appeal(
            @JsonProperty("@type") String type, String outcome, LocalDate on, String court, String caseNumber) {}
}
