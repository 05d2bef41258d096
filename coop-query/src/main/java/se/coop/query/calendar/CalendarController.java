package se.coop.query.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.BusinessTime;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.PartyId;
import se.coop.api.contact.Contacts;
import se.coop.api.input.Visible;
import se.coop.api.query.FindReviews;
import se.coop.api.query.ReviewList;
import se.coop.query.QueryNode;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.reminders.PublicAddress;
import se.coop.query.reviews.ReviewsProjection;
import se.coop.query.web.AgreementQueryController;

/**
 * Meetings as calendars: a feed for a party or a reviewer for logged-in users, and each reviewer's own feed by a
 * secret token that calendar clients can subscribe to. Feeds cover the past 90 days and the next two years.
 */
@QueryNode
@RestController
@Tag(name = "Calendar", description = "Meetings as iCalendar (RFC 5545) feeds")
public class CalendarController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    /** Asks for a reviewer's feed (by e-mail) or a party's (by party id): exactly one of the two. */
    public record FeedRequest(
            @Email @Visible @Size(max = 320) String reviewer, PartyId party) {}

    /** A feed's secret token and the address calendar clients subscribe to. */
    public record Feed(
            @JsonInclude(JsonInclude.Include.NON_NULL) String reviewer,
            @JsonInclude(JsonInclude.Include.NON_NULL) String party,
            String token,
            String url) {}

    private final Contacts contacts;
    private final QueryGateway queries;
    private final CalendarRenderer renderer;
    private final CalendarFeeds feeds;
    private final PublicAddress address;
    private final ProjectionStates states;
    private final Clock clock;

    CalendarController(
            QueryGateway queries,
            CalendarRenderer renderer,
            CalendarFeeds feeds,
            PublicAddress address,
            ProjectionStates states,
            Contacts contacts,
            Clock clock) {
        this.states = states;
        this.contacts = contacts;
        this.queries = queries;
        this.renderer = renderer;
        this.feeds = feeds;
        this.address = address;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/reviews/calendar.ics", produces = "text/calendar")
    @Operation(summary = "Meetings of a party's agreements, or with a reviewer (e-mail), as iCalendar")
    public ResponseEntity<String> calendar(
            @RequestParam(required = false) String party,
            @RequestParam(required = false) String reviewer,
            HttpServletRequest http) {
        String name = "Coop" + (party != null ? " – " + party : "") + (reviewer != null ? " – " + reviewer : "");
        return calendarAnswer().body(renderer.render(name, meetings(party, reviewer), address.base(http)));
    }

    @GetMapping(path = "/api/v1/calendar/{token}.ics", produces = "text/calendar")
    @Operation(summary = "A reviewer's own feed, by its secret token (no login: for calendar clients)")
    public ResponseEntity<String> feed(@PathVariable String token, HttpServletRequest http) {
        CalendarFeeds.Owner owner = feeds.owner(token)
                .orElseThrow(() -> new CoopProblem(ErrorCode.NOT_FOUND, "There is no such calendar feed."));
        String name = "Coop – " + (owner.reviewer() != null ? contacts.shown(owner.reviewer()) : owner.party());
        return calendarAnswer()
                .body(renderer.render(name, meetings(owner.party(), owner.reviewer()), address.base(http)));
    }

    /** A calendar, marked {@code Coop-Rebuilding} while the meetings it is drawn from are being rebuilt. */
    private ResponseEntity.BodyBuilder calendarAnswer() {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(CALENDAR);
        if (states.anyRebuilding(ReviewsProjection.MEETINGS_DRAWN_FROM)) {
            answer.header(AgreementQueryController.REBUILDING, "true");
        }
        return answer;
    }

    @PostMapping(
            path = "/api/v1/calendar/feeds",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "createFeed",
            summary = "Creates a feed token for a reviewer or a party (roles SECRETARIAT, REVIEWER)",
            description = "Body: reviewer (an e-mail: the meetings with that reviewer, kept by the contact holding it;"
                    + " 404 CONTACT_NOT_FOUND when no meeting names the address) or party (a party id: the meetings of"
                    + " that party's agreements; 404 PARTY_NOT_FOUND for a party neither the party register nor any"
                    + " agreement names). 201 with the subscribable address. The token is shown once; Coop keeps only"
                    + " its hash, who made it and when it was last read. One user makes 20 feeds at once, then one a"
                    + " minute: beyond that 429 TOO_MANY_REQUESTS with Retry-After.")
    public ResponseEntity<Feed> create(
            @Valid @RequestBody FeedRequest request, Principal user, HttpServletRequest http) {
        if ((request.reviewer() == null || request.reviewer().isBlank()) == (request.party() == null)) {
            throw new CoopProblem(
                    ErrorCode.VALIDATION_FAILED,
                    "give reviewer (an e-mail) or party (a party id), not both",
                    "reviewer");
        }
        String by = user == null ? null : user.getName();
        String token = request.party() != null
                ? feeds.createForParty(request.party().value(), by)
                : feeds.create(request.reviewer(), by);
        String url = address.base(http) + "/api/v1/calendar/" + token + ".ics";
        return ResponseEntity.created(URI.create(url))
                .body(new Feed(
                        request.party() == null ? request.reviewer() : null,
                        request.party() == null ? null : request.party().value(),
                        token,
                        url));
    }

    @GetMapping(path = "/api/v1/calendar/feeds", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "listFeeds",
            summary = "Every calendar feed, newest first (roles SECRETARIAT, OPERATOR)",
            description = "Each feed's id, for whom (a reviewer's address as the contact register holds it now, and the"
                    + " contact's id; or a party), who made it (null for a feed made before Coop kept it), when, when a"
                    + " calendar last read it (to the minute) and, with revoked=true, when it was revoked. Never a"
                    + " token.")
    public List<CalendarFeeds.Listed> list(@RequestParam(required = false, defaultValue = "false") boolean revoked) {
        return feeds.list(revoked);
    }

    @DeleteMapping("/api/v1/calendar/feeds/{feed}")
    @Operation(
            operationId = "revokeFeed",
            summary = "Revokes a feed (roles SECRETARIAT, OPERATOR): it answers 404 from now on",
            description = "By its id (as the list gives it) or by its token.")
    public ResponseEntity<Void> revoke(@PathVariable String feed) {
        UUID feedId = feedId(feed);
        boolean revoked = feedId != null ? feeds.revoke(feedId) : feeds.revoke(feed);
        if (!revoked) {
            throw new CoopProblem(ErrorCode.NOT_FOUND, "There is no such calendar feed.");
        }
        return ResponseEntity.noContent().build();
    }

    private static UUID feedId(String feed) {
        if (feed.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(feed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private java.util.List<se.coop.api.query.ReviewView> meetings(String party, String reviewer) {
        LocalDate today = BusinessTime.today(clock);
        return queries.query(
                        new FindReviews(today.minusDays(90), today.plusYears(2), party, reviewer),
                        ResponseTypes.instanceOf(ReviewList.class))
                .join()
                .content();
    }
}
