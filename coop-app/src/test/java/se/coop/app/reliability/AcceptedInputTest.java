package se.coop.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ValidationResult;
import org.assertj.core.api.SoftAssertions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.coop.api.BusinessTime;
import se.coop.app.support.Api;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.RawEvents;
import se.coop.app.support.Slow;
import se.coop.app.support.TestClock;
import se.coop.rules.AppealWindow;
import tools.jackson.databind.JsonNode;

/**
 * Nothing Coop accepts breaks anything. Agreements are driven through their whole life with every text, number and
 * date drawn from hostile but valid values — invisible and bidirectional characters, combining marks, emoji, scripts
 * from right to left, quotes, backslashes, markup and SQL, texts of the longest length allowed, the first and last
 * dates of the plausible window, the largest amounts and offsets — and every command must be accepted. After each
 * batch every event processor reaches the head with no event parked, every read of every agreement answers without a
 * 5xx, and each stream's hash chain recomputes from {@code /events} to the head its verification states. Seeded, so a
 * failure can be replayed with the seed it names.
 */
@Slow
class AcceptedInputTest extends IntegrationTest {

    private static final long SEED = 20_261_201L;
    private static final int BATCHES = 3;
    private static final int AGREEMENTS_PER_BATCH = 3;

    private static final List<String> FRAGMENTS = List.of(
            "O\u0308resund e\u0301te\u0301",
            "\u202eevil\u202c \u2066isolate\u2069",
            "שלום עולם مرحبا",
            "👩‍👩‍👧‍👦 🇸🇪🇩🇰 👍🏽",
            "𝕮𝖔𝖔𝖕 😀",
            "{\"a\":1} [\"x\"] \\ \\\" '",
            "' OR '1'='1; DROP TABLE domain_event_entry; --",
            "<script>alert(1)</script> &amp; <b>",
            "${jndi:ldap://127.0.0.1/a} %00 %s %n {0}",
            "a\u200bb\u200dc\u00adsoft\u2060wj",
            "non\u00a0breaking\u2007figure\u202fnarrow",
            "中文 日本語 한국어",
            "ÅÄÖ åäö ÆØÅ æøå",
            "=cmd|' /C calc'!A0 @SUM(1)",
            "NaN Infinity -0 1e400",
            "İstanbul ß ẞ ǅ ﬁ",
            "\\u0000 \\n literally",
            "BEGIN:VEVENT END:VCALENDAR ; , :",
            "Kommunstyrelsen § 45 KS 2019/1234");
    private static final List<String> LINE_BREAKS = List.of("\r\n", "\n\n\t", "\r", "\u2028", "\u2029", "\t");
    private static final List<String> OFFSETS = List.of("Z", "+01:00", "+14:00", "-12:00", "+05:45", "-09:30");
    private static final List<String> MEDIA_TYPES =
            List.of("application/pdf", "text/plain; charset=utf-8", "application/vnd.oasis.opendocument.text");

    @Autowired
    private EventProcessingConfiguration processing;

    private final Random random = new Random(SEED);

    @Test
    void everyHostileButValidCommandIsAcceptedAndBreaksNothing() {
        long parkedBefore = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry", Long.class);
        List<Lifecycle> all = new ArrayList<>();
        for (int batch = 0; batch < BATCHES; batch++) {
            List<Lifecycle> lifecycles = new ArrayList<>();
            for (int i = 0; i < AGREEMENTS_PER_BATCH; i++) {
                Lifecycle lifecycle = new Lifecycle();
                lifecycle.live();
                lifecycles.add(lifecycle);
            }
            all.addAll(lifecycles);
            long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            await("every event processor reaches the head (seed " + SEED + ")")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> everyProcessorPassed(head));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry", Long.class))
                    .as(() -> "events parked (seed " + SEED + "): "
                            + jdbc.queryForList("SELECT processing_group, payload_type, cause_message"
                                    + " FROM dead_letter_entry ORDER BY enqueued_at DESC LIMIT 3"))
                    .isEqualTo(parkedBefore);
            for (JsonNode processor :
                    api.as("operator").get("/api/v1/admin/projections").json().get("processors")) {
                assertThat(processor.get("stalled").asBoolean())
                        .as(processor.toString())
                        .isFalse();
            }
            SoftAssertions softly = new SoftAssertions();
            for (Lifecycle lifecycle : all) {
                lifecycle.readEverything(softly);
            }
            softly.assertAll();
        }
    }

    /** Lines end in CR LF, none holds another line break or is longer than 75 octets, and ical4j reads it as valid. */
    private static void calendarAsRfc5545Wants(SoftAssertions softly, String read, String body) {
        softly.assertThat(body).as(read).endsWith("\r\n");
        for (String line : body.split("\r\n")) {
            softly.assertThat(line).as("%s: a line", read).doesNotContain("\r", "\n");
            softly.assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                    .as("%s: octets of %s", read, line)
                    .isLessThanOrEqualTo(75);
        }
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(body));
            ValidationResult validation = calendar.validate();
            softly.assertThat(validation.hasErrors())
                    .as(read + ": " + validation)
                    .isFalse();
        } catch (Exception e) {
            softly.fail(read + ": " + e);
        }
    }

    private boolean everyProcessorPassed(long position) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream()
                                .map(EventTrackerStatus::getTrackingToken)
                                .allMatch(token ->
                                        token != null && token.position().orElse(-1) >= position));
    }

    /** Hostile text of at most {@code max} UTF-16 units, never blank; on one line unless {@code multiline}. */
    private String text(int max, boolean multiline) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(6) == 0) {
            text.append(" \u200b");
        }
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                text.append(multiline && random.nextBoolean() ? pick(LINE_BREAKS) : " ");
            }
            text.append(pick(FRAGMENTS));
        }
        if (random.nextInt(4) == 0) {
            String filler = random.nextBoolean() ? "å" : "𝕮";
            while (text.length() + filler.length() <= max) {
                text.append(filler);
            }
        }
        String result = text.toString();
        if (result.length() > max) {
            int end = Character.isHighSurrogate(result.charAt(max - 1)) ? max - 1 : max;
            result = result.substring(0, end);
        }
        if (!multiline) {
            result = result.replace('\u2028', ' ').replace('\u2029', ' ');
        }
        return result.isBlank() ? "Å" : result;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String slug(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        int length = random.nextInt(3) == 0 ? 64 : 8 + random.nextInt(20);
        while (id.length() < length) {
            id.append(
                    random.nextInt(5) == 0 && id.charAt(id.length() - 1) != '-' && id.length() < length - 1
                            ? '-'
                            : "abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return id.toString();
    }

    private String sha() {
        StringBuilder sha = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            sha.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return sha.toString();
    }

    private LocalDate today() {
        return BusinessTime.today(TestClock.INSTANCE);
    }

    /** A day from {@code from} to {@code to}, the ends twice as likely as any other. */
    private LocalDate day(LocalDate from, LocalDate to) {
        int choice = random.nextInt(6);
        if (choice == 0) {
            return from;
        }
        if (choice == 1) {
            return to;
        }
        long span = to.toEpochDay() - from.toEpochDay();
        return from.plusDays(span <= 0 ? 0 : (long) (random.nextDouble() * span));
    }

    /** One agreement, driven through every command with hostile values, and read back in every way. */
    private final class Lifecycle {

        private String id;
        private final List<Map<String, Object>> parties = new ArrayList<>();
        private final List<String> reviewers = new ArrayList<>();
        private String titleFragment;
        private LocalDate lastDay;

        private Api.Answer command(String path, Object body) {
            if (random.nextInt(3) == 0) {
                sendPoisoned(path, body);
            }
            Api.Answer answer = api.as("secretariat").post(path, body);
            if (answer.status() != 200 && answer.status() != 201) {
                String sent = Api.JSON.writeValueAsString(body);
                throw new AssertionError("seed " + SEED + ": POST " + path + " → " + answer + "\nsent: "
                        + (sent.length() > 2000 ? sent.substring(0, 2000) + "…" : sent));
            }
            return answer;
        }

        /**
         * The same command with one of its texts poisoned — a NUL, a lone surrogate, a control or noncharacter, a line
         * break in a one-line field, spelled as JSON escapes — must be refused, naming that text, and write nothing.
         */
        private void sendPoisoned(String path, Object body) {
            List<String[]> texts = new ArrayList<>();
            collectTexts(body, "", null, texts);
            if (texts.isEmpty()) {
                return;
            }
            String[] target = texts.get(random.nextInt(texts.size()));
            boolean multiline = target[1].equals("multiline");
            String poison = pick(
                    multiline
                            ? List.of("\\u0000", "\\ud800", "\\udfff", "\\u0007", "\\u009b", "\\ufffe", "\\u001b[2J")
                            : List.of(
                                    "\\u0000",
                                    "\\ud800",
                                    "\\u0007",
                                    "\\u001b[2J",
                                    "\\r\\n",
                                    "\\t",
                                    "\\u2028",
                                    "\\u0085",
                                    "\\uffff"));
            String json = Api.JSON.writeValueAsString(poisonAt(body, "", target[0]));
            json = json.replace(MARK, poison);
            long before = id == null ? requestedEvents() : eventsOf(id);
            Api.Answer answer = api.as("secretariat").post(path, json, "application/json");
            if (answer.status() != 400
                    || !answer.json()
                            .get("violations")
                            .get(0)
                            .get("field")
                            .asString()
                            .equals(target[0])) {
                throw new AssertionError(
                        "seed " + SEED + ": POST " + path + " with " + poison + " in " + target[0] + " → " + answer);
            }
            assertThat(id == null ? requestedEvents() : eventsOf(id)).isEqualTo(before);
        }

        private static final String MARK = "\uE000POISON\uE000";

        private static final Set<String> MULTILINE = Set.of("reason", "note", "summary", "dissents");
        private static final Set<String> NOT_TEXT = Set.of(
                "partyId",
                "sha256",
                "textSha256",
                "kind",
                "country",
                "currency",
                "outcome",
                "type",
                "decision",
                "email",
                "uri",
                "startsAt",
                "heldOn",
                "signedOn",
                "decidedOn",
                "minutesPostedOn",
                "on",
                "givenOn",
                "effectiveOn",
                "startsOn",
                "endsOn",
                "from",
                "to",
                "code");

        /** Every text leaf of a body: its path as Coop names fields, and whether it may span lines. */
        private void collectTexts(Object value, String path, String key, List<String[]> texts) {
            if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> collectTexts(v, path.isEmpty() ? (String) k : path + "." + k, (String) k, texts));
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    collectTexts(list.get(i), path + "[" + i + "]", key, texts);
                }
            } else if (value instanceof String && key != null && !NOT_TEXT.contains(key)) {
                texts.add(new String[] {path, MULTILINE.contains(key) ? "multiline" : "one line"});
            }
        }

        /** A copy of the body with the marker inside the text at {@code target}. */
        private Object poisonAt(Object value, String path, String target) {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) ->
                        copy.put((String) k, poisonAt(v, path.isEmpty() ? (String) k : path + "." + k, target)));
                return copy;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    copy.add(poisonAt(list.get(i), path + "[" + i + "]", target));
                }
                return copy;
            }
            if (path.equals(target)) {
                String text = (String) value;
                int at = random.nextInt(text.length() + 1);
                if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
                    at--;
                }
                return text.substring(0, at) + MARK + text.substring(at);
            }
            return value;
        }

        void live() {
            int count = 3 + random.nextInt(2);
            Set<String> ids = new LinkedHashSet<>();
            while (ids.size() < count) {
                ids.add(slug("p"));
            }
            int index = 0;
            for (String partyId : ids) {
                Map<String, Object> party = new LinkedHashMap<>();
                party.put("partyId", partyId);
                party.put("name", text(200, false));
                party.put(
                        "kind", pick(List.of("MUNICIPALITY", "REGION", "UNIVERSITY", "COMPANY", "AUTHORITY", "OTHER")));
                party.put("country", index == 0 ? "SE" : pick(List.of("SE", "DK", "NO", "DE")));
                party.put("adoptingBody", text(200, false));
                party.put("lead", index == 0);
                parties.add(party);
                index++;
            }
            Map<String, Object> title = new LinkedHashMap<>();
            title.put("sv", text(500, false));
            if (random.nextBoolean()) {
                title.put("da", text(500, false));
            }
            if (random.nextBoolean()) {
                title.put("en", text(500, false));
            }
            titleFragment = pick(FRAGMENTS).substring(0, 3);
            List<Map<String, Object>> focusAreas = new ArrayList<>();
            for (int i = 0; i < random.nextInt(4); i++) {
                focusAreas.add(Map.of("code", "f" + i + text(20, false), "title", Map.of("sv", text(500, false))));
            }
            boolean untilFurtherNotice = random.nextBoolean();
            LocalDate startsOn = day(LocalDate.of(1900, 1, 1), today().minusYears(1));
            Map<String, Object> term = new LinkedHashMap<>();
            term.put("startsOn", startsOn.toString());
            term.put("untilFurtherNotice", untilFurtherNotice);
            if (untilFurtherNotice) {
                term.put("noticePeriodMonths", pick(List.of(0, 1, 6, 120)));
            } else {
                term.put(
                        "endsOn",
                        pick(List.of("2199-12-31", today().plusYears(10).toString())));
            }
            term.put("waitForLegalForce", false);
            lastDay = untilFurtherNotice ? LocalDate.of(2199, 12, 31) : LocalDate.parse((String) term.get("endsOn"));
            Set<Integer> offsets = new LinkedHashSet<>();
            while (offsets.size() < 1 + random.nextInt(4)) {
                offsets.add(pick(List.of(0, 1, 7, 30, 90, 365)));
            }
            Map<String, Object> draft = new LinkedHashMap<>();
            draft.put("title", title);
            draft.put(
                    "kind",
                    pick(List.of(
                            "LETTER_OF_INTENT",
                            "COOPERATION_AGREEMENT",
                            "JOINT_STRATEGY",
                            "PROJECT",
                            "AVTALSSAMVERKAN")));
            draft.put("binding", random.nextBoolean());
            draft.put("parties", parties);
            draft.put("focusAreas", focusAreas);
            draft.put("term", term);
            draft.put("reviewCadenceMonths", pick(List.of(1, 12, 60)));
            draft.put("reminderOffsetsDays", new ArrayList<>(offsets));
            draft.put(
                    "funding",
                    Map.of(
                            "source",
                            text(200, false),
                            "amount",
                            new BigDecimal(pick(List.of("0", "0.01", "999999999999999.99", "100.50", "1E+3"))),
                            "currency",
                            pick(List.of("SEK", "DKK", "EUR")),
                            "from",
                            "1900-01-01",
                            "to",
                            "2199-12-31"));
            draft.put("text", version(sha()));
            id = command("/api/v1/agreements", draft).json().get("agreementId").asString();
            String agreement = "/api/v1/agreements/" + id;

            String sha = sha();
            command(agreement + "/revisions", Map.of("text", version(sha), "note", text(2000, true)));
            command(agreement + "/submission", Map.of());

            LocalDate approved = day(LocalDate.of(1900, 1, 1), today());
            LocalDate lastApproval = approved;
            String decisionOfLead = null;
            LocalDate leadMinutesPosted = null;
            for (Map<String, Object> party : parties) {
                String partyId = (String) party.get("partyId");
                Map<String, Object> signature = new LinkedHashMap<>();
                signature.put("partyId", partyId);
                signature.put("textSha256", sha);
                signature.put("signatory", Map.of("name", text(200, false), "title", text(200, false)));
                LocalDate signedOn = day(LocalDate.of(1900, 1, 1), today());
                lastApproval = signedOn.isAfter(lastApproval) ? signedOn : lastApproval;
                signature.put("signedOn", signedOn.toString());
                signature.put("place", text(200, false));
                command(agreement + "/signatures", signature);
                Map<String, Object> decision = new LinkedHashMap<>();
                decision.put("partyId", partyId);
                decision.put("textSha256", sha);
                decision.put("body", party.get("adoptingBody"));
                decision.put("decidedOn", approved.toString());
                decision.put("caseNumber", text(100, false));
                decision.put("paragraph", text(50, false));
                decision.put("outcome", "ADOPTED");
                decision.put("dissents", List.of(text(1000, true), "2 " + text(900, true)));
                if ("SE".equals(party.get("country"))) {
                    LocalDate posted = day(approved, today());
                    decision.put("minutesPostedOn", posted.toString());
                    if (leadMinutesPosted == null && decisionOfLead == null) {
                        leadMinutesPosted = posted;
                    }
                }
                String decisionId = command(agreement + "/board-decisions", decision)
                        .json()
                        .get("id")
                        .asString();
                if (decisionOfLead == null) {
                    decisionOfLead = decisionId;
                }
            }
            // rule 12: an appeal is lodged while the window is open
            LocalDate windowEnds = leadMinutesPosted == null ? today() : AppealWindow.lastDay(leadMinutesPosted);
            LocalDate lodged = day(approved, windowEnds.isBefore(today()) ? windowEnds : today());
            command(
                    agreement + "/board-decisions/" + decisionOfLead + "/appeal",
                    Map.of(
                            "outcome",
                            "LODGED",
                            "on",
                            lodged.toString(),
                            "court",
                            text(200, false),
                            "caseNumber",
                            text(100, false)));
            command(
                    agreement + "/board-decisions/" + decisionOfLead + "/appeal",
                    Map.of("outcome", "DISMISSED", "on", day(lodged, today()).toString()));

            LocalDate inForceFrom = lastApproval.isAfter(startsOn) ? lastApproval : startsOn;
            command(
                    agreement + "/reviews",
                    Map.of(
                            "kind", "MEETING",
                            "heldOn", day(inForceFrom, today()).toString(),
                            "title", text(300, false),
                            "outcome", Map.of("summary", text(4000, true), "decision", "CONTINUE")));
            List<Map<String, String>> meetingReviewers = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                String local = slug("x");
                String email = "r" + i + "." + local.substring(0, Math.min(20, local.length())) + "@example.org";
                reviewers.add(email);
                meetingReviewers.add(Map.of("name", text(200, false), "email", email, "partyId", (String)
                        parties.get(i % parties.size()).get("partyId")));
            }
            String review = command(
                            agreement + "/reviews",
                            Map.of(
                                    "kind", pick(List.of("ANNUAL_REVIEW", "MEETING")),
                                    "startsAt", startsAt(lastDay),
                                    "location", text(300, false),
                                    "title", text(300, false),
                                    "reviewers", meetingReviewers))
                    .json()
                    .get("id")
                    .asString();
            command(
                    agreement + "/reviews/" + review + "/reschedule",
                    Map.of("startsAt", startsAt(lastDay), "location", text(300, false), "reason", text(1000, true)));
            command(agreement + "/amendments", Map.of("text", version(sha()), "summary", text(2000, true)));
            command(
                    agreement + "/documents",
                    Map.of(
                            "title", text(500, false),
                            "sha256", sha(),
                            "mediaType", pick(MEDIA_TYPES),
                            "size", pick(List.of(0L, 1L, Long.MAX_VALUE)),
                            "uri",
                                    "https://example.org/"
                                            + URLEncoder.encode(text(100, false), StandardCharsets.UTF_8)));
            command(
                    agreement + "/links",
                    Map.of("type", pick(List.of("PART_OF", "SUCCEEDS", "ANNEX_TO")), "otherTitle", text(500, false)));
            command(
                    agreement + "/parties/" + parties.get(parties.size() - 1).get("partyId") + "/notice",
                    Map.of("givenOn", day(inForceFrom, today()).toString(), "reason", text(1000, true)));
            if (random.nextBoolean()) {
                command(
                        agreement + "/termination",
                        Map.of("reason", text(1000, true), "effectiveOn", today().toString()));
                command(agreement + "/archival", Map.of());
            }
        }

        private Map<String, Object> version(String sha256) {
            return Map.of(
                    "sha256", sha256,
                    "title", AcceptedInputTest.this.text(500, false),
                    "mediaType", pick(MEDIA_TYPES),
                    "size", pick(List.of(0L, 182_044L, Long.MAX_VALUE)),
                    "uri",
                            pick(List.of(
                                    "https://example.org/a%20b?x=%C3%A5#frag",
                                    "urn:nbn:se:hh:diva-123", "http://[::1]:8080/avsikt.pdf")));
        }

        /** A time ahead, a meeting of the agreement: not after {@code lastDay} (a fixed term's end). */
        private String startsAt(LocalDate lastDay) {
            long days = pick(List.of(1L, 3L, 8L, 31L, 400L, 60_000L));
            OffsetDateTime at = OffsetDateTime.ofInstant(TestClock.INSTANCE.instant(), ZoneOffset.UTC)
                    .plusDays(days)
                    .withNano(0);
            String offset = pick(OFFSETS);
            OffsetDateTime shown = at.withOffsetSameInstant(ZoneOffset.of(offset.equals("Z") ? "Z" : offset));
            LocalDate last = lastDay.isAfter(LocalDate.of(2199, 12, 30)) ? LocalDate.of(2199, 12, 30) : lastDay;
            if (LocalDate.ofInstant(shown.toInstant(), BusinessTime.ZONE).isAfter(last)) {
                shown = last.atTime(12, 0).atZone(BusinessTime.ZONE).toOffsetDateTime();
            }
            return shown.toString();
        }

        void readEverything(SoftAssertions softly) {
            String agreement = "/api/v1/agreements/" + id;
            String lead = (String) parties.get(0).get("partyId");
            List<String> reads = new ArrayList<>(List.of(
                    agreement,
                    agreement + "?validOn=" + today(),
                    agreement + "?validOn=1900-01-01",
                    agreement + "?asOf=" + TestClock.INSTANCE.instant(),
                    agreement + "/history?lang=sv",
                    agreement + "/history?lang=en",
                    agreement + "/verification",
                    "/api/v1/agreements?party=" + lead,
                    "/api/v1/agreements?q=" + URLEncoder.encode(titleFragment, StandardCharsets.UTF_8),
                    "/api/v1/reviews?party=" + lead + "&from=1900-01-01&to=2199-12-31",
                    "/api/v1/reviews/calendar.ics?party=" + lead));
            for (String reviewer : reviewers) {
                String encoded = URLEncoder.encode(reviewer, StandardCharsets.UTF_8);
                reads.add("/api/v1/reviews/calendar.ics?reviewer=" + encoded);
                reads.add("/api/v1/reminders?reviewer=" + encoded);
            }
            for (String read : reads) {
                Api.Answer answer = api.as("auditor").get(read);
                softly.assertThat(answer.status())
                        .as("seed %d: GET %s → %s", SEED, read, answer)
                        .isEqualTo(200);
            }
            JsonNode stream = api.as("auditor").get(agreement + "/events").json();
            JsonNode verification =
                    api.as("auditor").get(agreement + "/verification").json();
            softly.assertThat(verification.get("intact").asBoolean()).as(id).isTrue();
            softly.assertThat(RawEvents.recomputeChain(stream))
                    .as("seed %d: the chain of %s recomputed from /events", SEED, id)
                    .isEqualTo(verification.get("headHash").asString());
        }
    }
}
