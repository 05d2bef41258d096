package se.coop.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.Slow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input: more than ten thousand generated requests (seeded, so a failure can be replayed) across every
 * endpoint — malformed and deeply nested JSON, wrong types, huge bodies, impossible dates, unknown enum values, control
 * characters and broken UTF-8, SQL and script fragments, unknown ids, wrong content types. Every one is refused with a
 * 4xx problem, none with a 5xx, and not one event is written. Each generated request is invalid by construction; the
 * commands that take no body are only ever sent to agreements that do not exist.
 */
@Slow
class HostileInputTest extends IntegrationTest {

    private static final int REQUESTS = 10_500;
    private static final String SHA = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";
    private static final List<String> FRAGMENTS = List.of(
            "' OR '1'='1",
            "1; DROP TABLE domain_event_entry; --",
            "\" OR \"\"=\"",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}",
            "../../../../etc/passwd",
            "%00",
            "\u0000\u0001\u001f",
            "𝕮𝖔𝖔𝖕",
            "ÅÄÖ æø",
            "NaN",
            "");
    private static final List<String> BAD_DATES = List.of(
            "2026-02-30",
            "2026-13-01",
            "26-01-01",
            "yesterday",
            "2026-1-1",
            "+999999999-01-01",
            "2026-01-01T25:00",
            "2026-01-01T10:00:00",
            "2026-01-01T10:00:00+25:00",
            "0000-00-00",
            "2026-W01");
    private static final List<String> DATE_FIELDS = List.of(
            "startsOn",
            "endsOn",
            "signedOn",
            "decidedOn",
            "minutesPostedOn",
            "on",
            "startsAt",
            "heldOn",
            "givenOn",
            "effectiveOn",
            "from",
            "to");
    private static final List<String> ENUM_FIELDS = List.of("kind", "outcome", "decision", "type", "requires");
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
            "text/html");

    private final Random random = new Random(20261123L);
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** An endpoint that takes a JSON body, with a body that would be valid, and who may call it. */
    private record BodyEndpoint(String path, String body, String user) {}

    @Test
    void tenThousandHostileRequestsAreAllRefusedCleanlyAndWriteNothing() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        String agreement = "/api/v1/agreements/" + id;
        List<BodyEndpoint> withBodies = bodyEndpoints(agreement);
        long before = requestedEvents();

        Map<String, Integer> byCategory = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> notProblems = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Hostile request = next(i, withBodies);
            Api.Answer answer = request.send(api);
            byCategory.merge(request.category(), 1, Integer::sum);
            byStatus.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 500) {
                serverErrors.add(request.describe() + " -> " + answer);
            } else if (answer.status() >= 400
                    && !String.valueOf(answer.header("Content-Type")).contains("problem+json")
                    && !request.path().endsWith(".ics")) {
                notProblems.add(request.describe() + " -> " + answer.status() + " " + answer.header("Content-Type"));
            }
            if (!request.category().equals("hostile read")) {
                assertThat(answer.status()).as(request.describe()).isBetween(400, 499);
            }
        }
        assertThat(serverErrors).isEmpty();
        assertThat(notProblems).as("refusals that are not problem+json").isEmpty();
        assertThat(byCategory.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(REQUESTS);
        assertThat(requestedEvents()).as("events written").isEqualTo(before);
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    private List<BodyEndpoint> bodyEndpoints(String agreement) {
        String unknownReview = agreement + "/reviews/" + UUID.randomUUID();
        String draft = Api.JSON.writeValueAsString(Bodies.twoPartyDraft());
        String text = "{\"sha256\": \"" + SHA + "\", \"title\": \"Avtal\", \"mediaType\": \"application/pdf\"}";
        return List.of(
                new BodyEndpoint("/api/v1/agreements", draft, "secretariat"),
                new BodyEndpoint(agreement + "/revisions", "{\"text\": " + text + ", \"note\": \"ny\"}", "secretariat"),
                new BodyEndpoint(
                        agreement + "/signatures",
                        Api.JSON.writeValueAsString(Bodies.signature("halmstad", SHA, "2026-02-20")),
                        "secretariat"),
                new BodyEndpoint(
                        agreement + "/board-decisions",
                        Api.JSON.writeValueAsString(Bodies.adoption("halmstad", SHA, "2026-02-20")),
                        "secretariat"),
                new BodyEndpoint(
                        agreement + "/board-decisions/" + UUID.randomUUID() + "/appeal",
                        "{\"outcome\": \"LODGED\", \"on\": \"2026-03-01\", \"court\": \"Förvaltningsrätten\"}",
                        "secretariat"),
                new BodyEndpoint(
                        agreement + "/reviews",
                        "{\"kind\": \"ANNUAL_REVIEW\", \"startsAt\": \"2031-05-01T10:00:00+02:00\", \"location\":"
                                + " \"Rådhuset\", \"reviewers\": [{\"name\": \"Anna\", \"email\":"
                                + " \"anna@example.org\", \"partyId\": \"halmstad\"}]}",
                        "secretariat"),
                new BodyEndpoint(
                        unknownReview + "/reschedule",
                        "{\"startsAt\": \"2031-06-01T10:00:00+02:00\", \"reason\": \"flyttat\"}",
                        "secretariat"),
                new BodyEndpoint(unknownReview + "/cancellation", "{\"reason\": \"inställt\"}", "secretariat"),
                new BodyEndpoint(
                        unknownReview + "/outcome",
                        "{\"heldOn\": \"2026-05-01\", \"summary\": \"bra\", \"decision\": \"CONTINUE\"}",
                        "secretariat"),
                new BodyEndpoint(
                        agreement + "/amendments", "{\"text\": " + text + ", \"summary\": \"ändring\"}", "secretariat"),
                new BodyEndpoint(
                        agreement + "/documents",
                        "{\"title\": \"Protokoll\", \"sha256\": \"" + SHA
                                + "\", \"mediaType\": \"application/pdf\", \"size\": 1000}",
                        "secretariat"),
                new BodyEndpoint(
                        agreement + "/links",
                        "{\"type\": \"PART_OF\", \"otherTitle\": \"Skåne Nordost\"}",
                        "secretariat"),
                new BodyEndpoint(
                        agreement + "/parties/halmstad/notice",
                        "{\"givenOn\": \"2026-03-01\", \"reason\": \"flyttar\"}",
                        "secretariat"),
                new BodyEndpoint(agreement + "/parties/halmstad/removal", "{\"reason\": \"ut\"}", "secretariat"),
                new BodyEndpoint(
                        agreement + "/termination",
                        "{\"reason\": \"slut\", \"effectiveOn\": \"2026-12-31\"}",
                        "secretariat"),
                new BodyEndpoint(agreement + "/abandonment", "{\"reason\": \"nej\"}", "secretariat"),
                new BodyEndpoint("/api/v1/calendar/feeds", "{\"reviewer\": \"anna@example.org\"}", "secretariat"),
                new BodyEndpoint("/api/v1/admin/projections/status/rebuild", "{}", "operator"));
    }

    /** One generated request. */
    private record Hostile(String category, String method, String path, byte[] body, String contentType, String user) {

        Api.Answer send(Api api) {
            Api.Request request = api.as(user);
            return switch (method) {
                case "GET" -> request.get(path);
                case "DELETE" -> request.delete(path);
                default ->
                    body == null ? request.post(path, (String) null, null) : request.post(path, body, contentType);
            };
        }

        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            return category + " " + method + " " + path + " [" + contentType + "] " + shown;
        }
    }

    private Hostile next(int i, List<BodyEndpoint> withBodies) {
        int kind = random.nextInt(12);
        if (kind >= 9) {
            return hostileRead(kind);
        }
        BodyEndpoint endpoint = withBodies.get(i % withBodies.size());
        // the rebuild takes any body: only its path can be hostile, not what it is sent
        if (endpoint.path().contains("/admin/") && kind != 6) {
            kind = 6;
        }
        return switch (kind) {
            case 0 -> post("malformed", endpoint, truncated(endpoint.body()));
            case 1 -> post("deeply nested", endpoint, nested());
            case 2 -> post("wrong type", endpoint, mutated(endpoint.body(), Mutation.WRONG_TYPE));
            case 3 -> post("bad date", endpoint, mutated(endpoint.body(), Mutation.BAD_DATE));
            case 4 -> post("unknown enum", endpoint, mutated(endpoint.body(), Mutation.BAD_ENUM));
            case 5 -> post("broken unicode", endpoint, brokenUnicode(endpoint.body()));
            case 6 -> unknownTarget(endpoint);
            case 7 ->
                new Hostile(
                        "wrong content type",
                        "POST",
                        endpoint.path(),
                        endpoint.body().getBytes(StandardCharsets.UTF_8),
                        random.nextInt(8) == 0 ? null : pick(CONTENT_TYPES),
                        endpoint.user());
            default ->
                i % 300 == 0
                        ? post("huge", endpoint, huge())
                        : post("unknown field", endpoint, unknownField(endpoint.body()));
        };
    }

    private Hostile post(String category, BodyEndpoint endpoint, byte[] body) {
        return new Hostile(category, "POST", endpoint.path(), body, "application/json", endpoint.user());
    }

    /** The same body to an agreement, review, decision, read model or feed that does not exist, or a hostile id. */
    private Hostile unknownTarget(BodyEndpoint endpoint) {
        String id = random.nextBoolean() ? UUID.randomUUID().toString() : encode(pick(FRAGMENTS) + "x");
        String path = endpoint.path()
                .replaceFirst("/agreements/[0-9a-f-]{36}", "/agreements/" + id)
                .replaceFirst("/projections/status/", "/projections/" + encode(pick(FRAGMENTS) + "nope") + "/");
        if (path.equals("/api/v1/agreements") || path.equals("/api/v1/calendar/feeds")) {
            String bodyless = random.nextBoolean() ? "/submission" : "/archival";
            return new Hostile("unknown id", "POST", "/api/v1/agreements/" + id + bodyless, null, null, "secretariat");
        }
        return new Hostile(
                "unknown id",
                "POST",
                path,
                endpoint.body().getBytes(StandardCharsets.UTF_8),
                "application/json",
                endpoint.user());
    }

    /** Reads with hostile parameters and ids; they may answer 200 with nothing found, but never 5xx. */
    private Hostile hostileRead(int kind) {
        String value = encode(random.nextBoolean() ? pick(FRAGMENTS) : pick(BAD_DATES));
        String agreement = "/api/v1/agreements/" + (random.nextBoolean() ? UUID.randomUUID() : value + "x");
        List<String> paths = List.of(
                "/api/v1/agreements?state=" + value + "x",
                "/api/v1/agreements?page=-1&size=" + (random.nextBoolean() ? "0" : "100000"),
                "/api/v1/agreements?country=" + value + "x&focusArea=" + value,
                agreement,
                agreement + "/history?lang=" + value + "x",
                agreement + "/events",
                agreement + "/verification",
                "/api/v1/agreements/" + UUID.randomUUID() + "?asOf=" + encode(pick(BAD_DATES)),
                "/api/v1/agreements/" + UUID.randomUUID() + "?validOn=" + encode(pick(BAD_DATES)),
                "/api/v1/reviews?from=" + encode(pick(BAD_DATES)) + "&to=2026-01-01",
                "/api/v1/reviews/calendar.ics?party=" + value + "&reviewer=" + value + "&from=" + value,
                "/api/v1/reminders?since=" + encode(pick(BAD_DATES)),
                "/api/v1/calendar/" + value + "x.ics",
                "/api/v1/agreements?size=" + value + "x");
        String path = paths.get(random.nextInt(paths.size()));
        if (kind == 11 && random.nextInt(4) == 0) {
            return new Hostile(
                    "hostile read", "DELETE", "/api/v1/calendar/feeds/" + value + "x", null, null, "secretariat");
        }
        return new Hostile("hostile read", "GET", path, null, null, "auditor");
    }

    private byte[] truncated(String body) {
        int cut = body.length() <= 2 ? 1 : 1 + random.nextInt(body.length() - 2);
        return body.substring(0, cut).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] nested() {
        int depth = 2_000 + random.nextInt(50_000);
        StringBuilder json = new StringBuilder(depth * 6);
        boolean arrays = random.nextBoolean();
        for (int d = 0; d < depth; d++) {
            json.append(arrays ? "[" : "{\"title\":");
        }
        json.append("1");
        for (int d = 0; d < depth; d++) {
            json.append(arrays ? "]" : "}");
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] huge() {
        StringBuilder json = new StringBuilder(3 * 1024 * 1024 + 100);
        json.append("{\"title\": {\"sv\": \"");
        while (json.length() < 3 * 1024 * 1024) {
            json.append("Samverkan ÅÄÖ ");
        }
        // a field no command knows: refused however long the rest is
        json.append("\"}, \"notAField\": true}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] unknownField(String body) {
        ObjectNode node = (ObjectNode) Api.JSON.readTree(body);
        node.put(pick(FRAGMENTS) + "extra", pick(FRAGMENTS));
        return Api.JSON.writeValueAsBytes(node);
    }

    /** A value of a date or enum field with bytes no UTF-8 decoder accepts, or a raw control character. */
    private byte[] brokenUnicode(String body) {
        byte[][] poisons = {
            {(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {0x01}, {0x1F}, {0x00}
        };
        byte[] poison = poisons[random.nextInt(poisons.length)];
        String marker = "\"POISON\"";
        String marked = new String(mutated(body, Mutation.MARK), StandardCharsets.UTF_8);
        int at = marked.indexOf(marker);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] head = marked.substring(0, at + 1).getBytes(StandardCharsets.UTF_8);
        byte[] tail = marked.substring(at + marker.length() - 1).getBytes(StandardCharsets.UTF_8);
        bytes.writeBytes(head);
        bytes.writeBytes("2026".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(poison);
        bytes.writeBytes(tail);
        return bytes.toByteArray();
    }

    private enum Mutation {
        WRONG_TYPE,
        BAD_DATE,
        BAD_ENUM,
        MARK
    }

    /**
     * Changes one field so the body cannot be valid: a value of a type that cannot be coerced, an impossible date, an
     * unknown enum value. Fields of the kind wanted are looked for anywhere in the body; a body without such a field
     * gets an unknown field instead, which is refused too.
     */
    private byte[] mutated(String body, Mutation mutation) {
        ObjectNode root = (ObjectNode) Api.JSON.readTree(body);
        List<Slot> slots = new ArrayList<>();
        collect(root, slots, mutation);
        if (slots.isEmpty()) {
            root.put("notAField" + random.nextInt(1000), mutation == Mutation.MARK ? "POISON" : pick(FRAGMENTS));
            return Api.JSON.writeValueAsBytes(root);
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        JsonNode replacement = switch (mutation) {
            case WRONG_TYPE -> incompatible(slot.current());
            case BAD_DATE -> nodes.stringNode(pick(BAD_DATES));
            case BAD_ENUM ->
                nodes.stringNode(pick(List.of("MAYBE", "adopted", "", "ADOPTED ", "NULL"))
                        + pick(FRAGMENTS).replace("\u0000", ""));
            case MARK -> nodes.stringNode("POISON");
        };
        slot.parent().set(slot.name(), replacement);
        return Api.JSON.writeValueAsBytes(root);
    }

    private record Slot(ObjectNode parent, String name, JsonNode current) {}

    private void collect(JsonNode node, List<Slot> slots, Mutation mutation) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                JsonNode child = object.get(name);
                boolean wanted = switch (mutation) {
                    case WRONG_TYPE -> true;
                    case BAD_DATE -> DATE_FIELDS.contains(name);
                    case BAD_ENUM, MARK ->
                        ENUM_FIELDS.contains(name) || (mutation == Mutation.MARK && DATE_FIELDS.contains(name));
                };
                if (wanted) {
                    slots.add(new Slot(object, name, child));
                }
                collect(child, slots, mutation);
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode child : array) {
                collect(child, slots, mutation);
            }
        }
    }

    /** A value no lenient coercion turns into what the field holds. */
    private JsonNode incompatible(JsonNode current) {
        if (current.isObject()) {
            return random.nextBoolean()
                    ? nodes.numberNode(42)
                    : nodes.arrayNode().add(1).add(2);
        }
        if (current.isArray()) {
            return nodes.objectNode().put("a", 1);
        }
        return random.nextBoolean()
                ? nodes.objectNode().set("x", nodes.arrayNode().add(1))
                : nodes.arrayNode().add("a").add("b");
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
