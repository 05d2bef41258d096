package se.coop.app.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.coop.api.BusinessTime;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Reminders;
import se.coop.app.support.Secretariat;
import se.coop.app.support.StoredText;
import se.coop.app.support.TestClock;
import se.coop.app.support.Verifications;
import tools.jackson.databind.JsonNode;

/**
 * The contact register (docs/decisions/0007): reviewers' addresses live there and nowhere else; events refer to the
 * contact by id; a correction reaches what is read afterwards; an erasure leaves no table holding the address, stops
 * reminders and feeds, and every chain and checkpoint still verifies.
 */
class ContactsTest extends IntegrationTest {

    private Secretariat secretariat;
    private String agreement;
    private String address;

    @BeforeEach
    void anAgreementInForce() {
        secretariat = new Secretariat(api);
        agreement = secretariat.inForce(
                Bodies.twoPartyDraft(), BusinessTime.today(TestClock.INSTANCE).minusDays(10));
        address = "Granskare-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
    }

    private String schedule(String email) {
        return secretariat.scheduleReview(agreement, TestClock.afternoonIn(5), "Rådhuset", "Greta Granskare", email);
    }

    private JsonNode contactOf(String email) {
        Api.Answer found = api.as("secretariat").get("/api/v1/contacts?email=" + email);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json();
    }

    private List<JsonNode> reviews(String reviewer) {
        List<JsonNode> found = new ArrayList<>();
        secretariat
                .read("reviewer", "/api/v1/reviews?from=2000-01-01&to=2100-01-01&reviewer=" + reviewer)
                .json()
                .get("content")
                .forEach(found::add);
        return found;
    }

    private List<JsonNode> reminders(String reviewer) {
        return Reminders.to(api, reviewer);
    }

    @Test
    void eventsReferToTheContactAndAnErasureLeavesNoAddressWhileChainsAndCheckpointsHold() {
        String review = schedule(address);
        JsonNode contact = contactOf(address.toUpperCase(Locale.ROOT)).get(0);
        String contactId = contact.get("contactId").asString();
        assertThat(contact.get("email").asString()).isEqualTo(address);

        String events = secretariat
                .read("auditor", "/api/v1/agreements/" + agreement + "/events")
                .body();
        assertThat(events).contains(contactId).doesNotContainIgnoringCase(address);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reminders(address)).hasSize(1));
        assertThat(reminders(address).get(0).get("recipient").asString()).isEqualTo(address);
        JsonNode meeting = reviews(address.toLowerCase(Locale.ROOT)).get(0);
        assertThat(meeting.get("reviewId").asString()).isEqualTo(review);
        assertThat(meeting.get("reviewers").get(0).get("email").asString()).isEqualTo(address);
        assertThat(meeting.get("reviewers").get(0).get("contactId").asString()).isEqualTo(contactId);
        Api.Answer feed = api.as("secretariat").post("/api/v1/calendar/feeds", Map.of("reviewer", address));
        assertThat(feed.status()).as(feed.toString()).isEqualTo(201);
        String feedUrl = feed.header("Location");
        String feedPath = feedUrl.substring(feedUrl.indexOf("/api/"));
        assertThat(api.anonymous().get(feedPath).body()).contains("Rådhuset");
        Api.Answer taken = api.as("operator").post("/api/v1/audit/checkpoints", "");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        String checkpoint = taken.json().get("checkpointId").asString();

        // corrected: what is read from now on has the new address, and the old one finds nothing
        String corrected = "korrigerad-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Api.Answer correction = api.as("secretariat").put("/api/v1/contacts/" + contactId, Map.of("email", corrected));
        assertThat(correction.status()).as(correction.toString()).isEqualTo(200);
        assertThat(reviews(address)).isEmpty();
        assertThat(reviews(corrected)).hasSize(1);
        assertThat(reminders(corrected).get(0).get("recipient").asString()).isEqualTo(corrected);
        assertThat(contactOf(address)).isEmpty();

        assertThat(StoredText.holding(jdbc, corrected))
                .as("the register is the one place the address is kept")
                .containsExactly("contact.email (1)", "contact.email_key (1)");
        assertThat(StoredText.holding(jdbc, address))
                .as("the first address is gone")
                .isEmpty();

        Api.Answer erased = api.as("operator").delete("/api/v1/contacts/" + contactId);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("oldEventsWithAddress").asLong())
                .as("no event written since the register holds an address")
                .isZero();

        assertThat(contactOf(corrected)).isEmpty();
        assertThat(reviews(corrected)).isEmpty();
        assertThat(reminders(corrected)).isEmpty();
        assertThat(api.anonymous().get(feedPath).status())
                .as("the feed stopped")
                .isEqualTo(404);
        JsonNode shown = secretariat
                .read("secretariat", "/api/v1/reviews?from=2000-01-01&to=2100-01-01&agreement=" + agreement)
                .json()
                .get("content")
                .get(0);
        JsonNode erasedEmail = shown.get("reviewers").get(0).path("email");
        assertThat(erasedEmail.isMissingNode() || erasedEmail.isNull())
                .as(shown.toString())
                .isTrue();
        assertThat(shown.get("reviewers").get(0).get("name").asString()).isEqualTo("Greta Granskare");
        assertThat(shown.get("reminders").get(0).get("recipient").asString()).isEqualTo("erased contact");
        String history = secretariat
                .read("auditor", "/api/v1/agreements/" + agreement + "/history")
                .body();
        assertThat(history)
                .as("in the history's words: Swedish by default")
                .contains("Greta Granskare (raderad kontakt)");
        assertThat(secretariat
                        .read("auditor", "/api/v1/agreements/" + agreement + "/history?lang=en")
                        .body())
                .contains("Greta Granskare (erased contact)");
        assertThat(secretariat
                        .read("auditor", "/api/v1/agreements/" + agreement + "/history?lang=da")
                        .body())
                .contains("Greta Granskare (slettet kontakt)");
        String dossier = secretariat
                .read("auditor", "/api/v1/agreements/" + agreement + "/dossier")
                .body();
        assertThat(dossier)
                .as("a Swedish dossier says so in Swedish")
                .contains("raderad kontakt")
                .doesNotContain("(erased contact)")
                .doesNotContainIgnoringCase(address);

        Api.Answer feedAgain = api.as("reviewer").post("/api/v1/calendar/feeds", Map.of("reviewer", corrected));
        assertThat(feedAgain.status())
                .as("a feed for an erased address: no meeting names it any more")
                .isEqualTo(404);
        assertThat(contactOf(corrected))
                .as("nor did the feed register it again")
                .isEmpty();

        // a reminder issued to the erased contact afterwards is never sent
        secretariat.command(
                "/api/v1/agreements/" + agreement + "/reviews/" + review + "/reschedule",
                Map.of("startsAt", TestClock.afternoonIn(3).toString()));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(secretariat
                                .read(
                                        "secretariat",
                                        "/api/v1/reviews?from=2000-01-01&to=2100-01-01&agreement=" + agreement)
                                .json()
                                .get("content")
                                .get(0)
                                .get("reminders"))
                        .hasSize(2)
                        .anySatisfy(reminder -> {
                            assertThat(reminder.get("recipient").asString()).isEqualTo("erased contact");
                            assertThat(reminder.get("delivery").asString()).isEqualTo("ERASED");
                        }));

        assertThat(StoredText.holding(jdbc, address))
                .as("tables holding the first address")
                .isEmpty();
        assertThat(StoredText.holding(jdbc, corrected))
                .as("tables holding the corrected address")
                .isEmpty();
        assertThat(secretariat
                        .read("auditor", "/api/v1/agreements/" + agreement + "/verification")
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
        // other tests tamper with streams of their own in this shared store: the checkpoint must hold, and none of the
        // streams this test wrote may be named
        JsonNode verified = Verifications.verified(api, checkpoint);
        assertThat(verified.get("signatureHolds").asBoolean())
                .as(verified.toString())
                .isTrue();
        assertThat(verified.get("rootHolds").asBoolean())
                .as(verified.toString())
                .isTrue();
        List<String> named = new ArrayList<>();
        for (String kind : List.of("streamsMissing", "streamsShorter", "streamsChanged")) {
            verified.get(kind)
                    .forEach(stream -> named.add(stream.get("aggregateId").asString()));
        }
        assertThat(named).doesNotContain(agreement, "meeting-" + review, "coop-checkpoints");
    }

    @Test
    void addressesAreOneWhateverTheirCaseAlsoBeyondAscii() {
        String unicode = "Åsa.Öberg-" + UUID.randomUUID().toString().substring(0, 8) + "@exämple.org";
        schedule(unicode);
        JsonNode found = contactOf(unicode.toUpperCase(Locale.ROOT));
        assertThat(found).hasSize(1);
        schedule(unicode.toLowerCase(Locale.ROOT));
        assertThat(contactOf(unicode).get(0).get("contactId").asString())
                .as("named again in another case: the same contact")
                .isEqualTo(found.get(0).get("contactId").asString());
    }

    @Test
    void aFeedIsMadeOnlyForAnAddressAMeetingNames() {
        String nobody = "ingen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Api.Answer refused = api.as("reviewer").post("/api/v1/calendar/feeds", Map.of("reviewer", nobody));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("CONTACT_NOT_FOUND");
        assertThat(contactOf(nobody))
                .as("a feed puts no address in the register")
                .isEmpty();
    }

    @Test
    void twoCorrectionsToOneAddressAtOnceGiveOneContactTheAddressAndTheOther409() throws Exception {
        for (int round = 0; round < 5; round++) {
            String first = "forsta-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            String second = "andra-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            schedule(first);
            schedule(second);
            String target = "samma-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            List<String> ids = List.of(
                    contactOf(first).get(0).get("contactId").asString(),
                    contactOf(second).get(0).get("contactId").asString());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService both = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (String id : ids) {
                    answers.add(both.submit(() -> {
                        start.await();
                        return api.as("secretariat")
                                .put("/api/v1/contacts/" + id, Map.of("email", target))
                                .status();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(20, TimeUnit.SECONDS));
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            } finally {
                both.shutdownNow();
            }
        }
    }

    @Test
    void aRefusedCommandRegistersNoContact() {
        String stranger = "utomstaende-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Api.Answer refused = api.as("secretariat")
                .post(
                        "/api/v1/agreements/" + agreement + "/reviews",
                        Bodies.review(
                                TestClock.afternoonIn(5).toString(), "Rådhuset", "Utomstående", stranger, "lund"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(contactOf(stranger)).isEmpty();
    }

    @Test
    void aContactIsCorrectedAndErasedOnlyAsTheRulesAllow() {
        schedule(address);
        String contactId = contactOf(address).get(0).get("contactId").asString();
        String other = "annan-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        secretariat.scheduleReview(agreement, TestClock.afternoonIn(6), "Rådhuset", "Annan", other);

        Api.Answer taken = api.as("secretariat").put("/api/v1/contacts/" + contactId, Map.of("email", other));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.json().get("errorCode").asString()).isEqualTo("CONTACT_ADDRESS_TAKEN");
        Api.Answer invalid = api.as("secretariat").put("/api/v1/contacts/" + contactId, Map.of("email", "inte en"));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(invalid.body()).contains("email");
        assertThat(api.as("secretariat").get("/api/v1/contacts?email=inte%20en").status())
                .isEqualTo(400);
        assertThat(api.as("secretariat")
                        .delete("/api/v1/contacts/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        assertThat(api.as("secretariat").delete("/api/v1/contacts/nothing").status())
                .isEqualTo(404);
        assertThat(api.as("operator")
                        .put("/api/v1/contacts/" + contactId, Map.of("email", "x@example.org"))
                        .status())
                .as("only a secretariat corrects")
                .isEqualTo(403);
        assertThat(api.as("secretariat").delete("/api/v1/contacts/" + contactId).status())
                .isEqualTo(200);
        Api.Answer again = api.as("secretariat").delete("/api/v1/contacts/" + contactId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errorCode").asString()).isEqualTo("CONTACT_ERASED");
        assertThat(api.as("secretariat")
                        .put("/api/v1/contacts/" + contactId, Map.of("email", address))
                        .status())
                .isEqualTo(409);

        // named again with the erased address, the reviewer gets a new contact
        schedule(address);
        assertThat(contactOf(address).get(0).get("contactId").asString()).isNotEqualTo(contactId);
    }
}
