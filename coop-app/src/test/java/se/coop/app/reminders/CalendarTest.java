package se.coop.app.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.coop.api.BusinessTime;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import tools.jackson.databind.JsonNode;

/** Meetings as RFC 5545 calendars: parsed and validated with ical4j, as a calendar client would read them. */
class CalendarTest extends IntegrationTest {

    private Secretariat secretariat;
    private String reviewer;

    @BeforeEach
    void driver() {
        secretariat = new Secretariat(api);
        reviewer = "kalender-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private String inForce(Map<String, Object> draft) {
        String id = secretariat.inForce(
                draft, BusinessTime.today(TestClock.INSTANCE).minusDays(10));
        assertThat(secretariat
                        .read("auditor", "/api/v1/agreements/" + id)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("IN_FORCE");
        return id;
    }

    private OffsetDateTime at(int days) {
        return TestClock.afternoonIn(days);
    }

    private String schedule(String id, OffsetDateTime at) {
        return secretariat.scheduleReview(id, at, "Rådhuset, Halmstad", "Granskare", reviewer);
    }

    private Calendar calendar(Api.Answer answer) throws Exception {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(answer.body()));
        ValidationResult validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        return calendar;
    }

    private Calendar mine() throws Exception {
        return calendar(secretariat.read("reviewer", "/api/v1/reviews/calendar.ics?reviewer=" + reviewer));
    }

    private static VEvent event(Calendar calendar, String reviewId) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream()
                .filter(e ->
                        e.getProperty(Property.UID).orElseThrow().getValue().equals(reviewId + "@coop"))
                .findFirst()
                .orElseThrow();
    }

    private static String property(Component component, String name) {
        return component.getProperty(name).orElseThrow().getValue();
    }

    @Test
    void aMeetingIsAnEventWithAStableUidASequenceThatRisesItsAlarmsAndItsTimeZone() throws Exception {
        String id = inForce(Bodies.twoPartyDraft());
        OffsetDateTime when = at(60);
        String review = schedule(id, when);

        VEvent event = event(mine(), review);
        assertThat(property(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(property(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(property(event, Property.LOCATION)).isEqualTo("Rådhuset, Halmstad");
        assertThat(property(event, Property.URL)).isEqualTo("http://127.0.0.1:" + port + "/agreements/" + id);
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().toString())
                .startsWith("DTSTART;TZID=Europe/Stockholm:"
                        + when.toLocalDate().toString().replace("-", "") + "T130000");
        assertThat(event.getAlarms())
                .extracting(a ->
                        a.<Trigger>getProperty(Property.TRIGGER).orElseThrow().getDuration())
                .containsExactlyInAnyOrder(Period.ofDays(-30), Period.ofDays(-7));
        List<net.fortuna.ical4j.model.component.CalendarComponent> zones = mine().getComponents(Component.VTIMEZONE);
        assertThat(zones).extracting(z -> property(z, Property.TZID)).contains("Europe/Stockholm");

        secretariat.command(
                "/api/v1/agreements/" + id + "/reviews/" + review + "/reschedule",
                Map.of("startsAt", at(67).toString()));
        VEvent moved = event(mine(), review);
        assertThat(property(moved, Property.SEQUENCE)).isEqualTo("1");
        assertThat(moved.getProperty(Property.DTSTART).orElseThrow().getValue())
                .startsWith(at(67).toLocalDate().toString().replace("-", ""));

        secretariat.command(
                "/api/v1/agreements/" + id + "/reviews/" + review + "/cancellation", Map.of("reason", "Inställt"));
        VEvent cancelled = event(mine(), review);
        assertThat(property(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(property(cancelled, Property.SEQUENCE)).isEqualTo("2");
        assertThat(cancelled.getAlarms()).isEmpty();
    }

    @Test
    void aDanishLedAgreementsMeetingsAreInCopenhagenTime() throws Exception {
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.twoPartyDraft());
        draft.put(
                "parties",
                List.of(
                        Map.of(
                                "partyId",
                                "halmstad",
                                "name",
                                "Køge Kommune",
                                "kind",
                                "MUNICIPALITY",
                                "country",
                                "DK",
                                "adoptingBody",
                                "Byrådet",
                                "lead",
                                true),
                        Map.of(
                                "partyId",
                                "laholm",
                                "name",
                                "Kristianstads kommun",
                                "kind",
                                "MUNICIPALITY",
                                "country",
                                "SE",
                                "adoptingBody",
                                "Kommunstyrelsen")));
        String review = schedule(inForce(draft), at(30));
        Calendar calendar = mine();
        assertThat(event(calendar, review)
                        .getProperty(Property.DTSTART)
                        .orElseThrow()
                        .toString())
                .startsWith("DTSTART;TZID=Europe/Copenhagen:");
        List<net.fortuna.ical4j.model.component.CalendarComponent> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones).extracting(z -> property(z, Property.TZID)).contains("Europe/Copenhagen");
    }

    @Test
    void aReviewerSubscribesWithASecretTokenThatCanBeRevoked() throws Exception {
        String review = schedule(inForce(Bodies.twoPartyDraft()), at(45));
        Api.Answer created = api.as("reviewer").post("/api/v1/calendar/feeds", Map.of("reviewer", reviewer));
        assertThat(created.status()).isEqualTo(201);
        JsonNode feed = created.json();
        String token = feed.get("token").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(feed.get("url").asString())
                .as("no public URL is configured: the address the request came to, on the port Coop listens on")
                .isEqualTo("http://127.0.0.1:" + port + "/api/v1/calendar/" + token + ".ics");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM calendar_feed WHERE token_sha256 = ?", Long.class, token))
                .as("only the token's hash is stored")
                .isZero();

        Calendar subscribed = calendar(api.anonymous().get("/api/v1/calendar/" + token + ".ics"));
        assertThat(event(subscribed, review)).isNotNull();
        Api.Answer head = api.anonymous().head("/api/v1/calendar/" + token + ".ics");
        assertThat(head.status())
                .as("a calendar client asking whether the feed changed")
                .isEqualTo(200);
        assertThat(head.header("Content-Type")).startsWith("text/calendar");

        assertThat(api.as("reviewer").delete("/api/v1/calendar/feeds/" + token).status())
                .isEqualTo(403);
        assertThat(api.as("secretariat")
                        .delete("/api/v1/calendar/feeds/" + token)
                        .status())
                .isEqualTo(204);
        assertThat(api.anonymous().get("/api/v1/calendar/" + token + ".ics").status())
                .isEqualTo(404);
        assertThat(api.anonymous().get("/api/v1/calendar/not-a-token.ics").status())
                .isEqualTo(404);
        assertThat(api.as("auditor")
                        .post("/api/v1/calendar/feeds", Map.of("reviewer", reviewer))
                        .status())
                .isEqualTo(403);
        assertThat(api.as("reviewer")
                        .post("/api/v1/calendar/feeds", Map.of("reviewer", "not an address"))
                        .status())
                .isEqualTo(400);
    }

    /**
     * Issue 28, finding 7: party feeds could be made for a party that does not exist, 2,000 in 13 s, and nobody could
     * list feeds or revoke one without its token. A party feed is made only for a party the register or an agreement
     * names; one user makes 20 at once, then one a minute; a secretariat or an operator lists the feeds — by whom,
     * for whom, when last read — and revokes any by its id.
     */
    @Test
    void feedsAreForPartiesThatExistListedWithTheirMakerAndRevokedByAnyoneWhoMayList() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM calendar_feed", Long.class);
        Api.Answer nobody = api.as("secretariat").post("/api/v1/calendar/feeds", Map.of("party", "no-such-party-28"));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.json().get("errorCode").asString()).isEqualTo("PARTY_NOT_FOUND");
        assertThat(nobody.json().get("violations").get(0).get("field").asString())
                .isEqualTo("party");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM calendar_feed", Long.class))
                .isEqualTo(before);

        Api.Answer created = api.as("secretariat").post("/api/v1/calendar/feeds", Map.of("party", "laholm"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(api.anonymous().get("/api/v1/calendar/" + token + ".ics").status())
                .isEqualTo(200);

        JsonNode listed = null;
        for (JsonNode feed : api.as("operator").get("/api/v1/calendar/feeds").json()) {
            if ("laholm".equals(feed.path("party").asString(null))
                    && "secretariat".equals(feed.path("createdBy").asString(null))
                    && !feed.path("lastUsedAt").isNull()) {
                listed = feed;
            }
        }
        assertThat(listed)
                .as("the operator lists the feed, its maker and its last read")
                .isNotNull();
        assertThat(listed.toString()).doesNotContain(token);
        assertThat(api.as("auditor").get("/api/v1/calendar/feeds").status()).isEqualTo(403);
        assertThat(api.as("reviewer").get("/api/v1/calendar/feeds").status()).isEqualTo(403);

        String feedId = listed.get("feedId").asString();
        assertThat(api.as("operator").delete("/api/v1/calendar/feeds/" + feedId).status())
                .isEqualTo(204);
        assertThat(api.anonymous().get("/api/v1/calendar/" + token + ".ics").status())
                .isEqualTo(404);
        assertThat(api.as("operator").delete("/api/v1/calendar/feeds/" + feedId).status())
                .isEqualTo(404);
        assertThat(api.as("operator").get("/api/v1/calendar/feeds?revoked=true").body())
                .contains(feedId);
        assertThat(api.as("operator").get("/api/v1/calendar/feeds").body()).doesNotContain(feedId);
    }

    @Test
    void oneUserMakesTwentyFeedsAtOnceThenOneAMinute() {
        // a maker of its own, so that no other test's feeds count
        String maker = "feed-maker-" + java.util.UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            feeds.createForParty("halmstad", maker);
        }
        assertThatThrownBy(() -> feeds.createForParty("halmstad", maker))
                .isInstanceOf(se.coop.api.CoopProblem.class)
                .satisfies(e -> {
                    se.coop.api.CoopProblem problem = (se.coop.api.CoopProblem) e;
                    assertThat(problem.errorCode()).isEqualTo(se.coop.api.ErrorCode.TOO_MANY_REQUESTS);
                    assertThat(problem.retryAfterSeconds()).isBetween(1L, 60L);
                });
        assertThat(feeds.createForParty("halmstad", "another-" + maker)).isNotBlank();
    }

    @org.springframework.beans.factory.annotation.Autowired
    private se.coop.query.calendar.CalendarFeeds feeds;
}
