package se.coop.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.SampleFiles;
import se.coop.app.support.Secretariat;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint × every role × anonymous, as {@code docs/api.md} says: a role that may call an endpoint is let through (a
 * read answers 2xx; a command gets past authorization to validation, so never 401 or 403), any other role gets 403,
 * and anonymous 401, except where the endpoint is public. Refused requests write nothing. The matrix must name every
 * operation the API description lists, so a new endpoint cannot escape it.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    private static final String S = "secretariat";
    private static final String A = "auditor";
    private static final String R = "reviewer";
    private static final String O = "operator";
    private static final List<String> USERS = List.of(S, A, R, O);

    /** One request of the matrix: who may make it, and what they get when they may. */
    private record Call(
            String method, String template, String path, String body, Set<String> allowed, boolean pub, int expected) {

        String operation() {
            return method + " " + template;
        }
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheContractSays() {
        Secretariat secretariat = new Secretariat(api);
        // the draft's text is a document Coop holds, so every reader of the agreement may read it
        byte[] text = SampleFiles.text("Avsiktsförklaring för behörighetsmatrisen " + java.util.UUID.randomUUID());
        assertThat(api.as(S).upload("/api/v1/documents", "avsikt.txt", text).status())
                .isEqualTo(201);
        java.util.Map<String, Object> draft = new java.util.LinkedHashMap<>(Bodies.twoPartyDraft());
        draft.put("text", java.util.Map.of("sha256", SampleFiles.sha256(text), "title", "Avsiktsförklaring"));
        String id = secretariat.draft(draft);
        List<Call> calls = calls(id, SampleFiles.sha256(text));

        Set<String> covered = new LinkedHashSet<>();
        calls.forEach(call -> covered.add(call.operation()));
        assertThat(covered).as("operations in the matrix").containsAll(documentedOperations());

        long before = requestedEvents() - checkpointEvents();
        SoftAssertions softly = new SoftAssertions();
        for (Call call : calls) {
            for (String user : USERS) {
                int status = send(api.as(user), call).status();
                String what = call.method() + " " + call.path() + " as " + user;
                if (call.pub() || call.allowed().contains(user)) {
                    if (call.expected() > 0) {
                        softly.assertThat(status).as(what).isEqualTo(call.expected());
                    } else {
                        softly.assertThat(status).as(what).isNotIn(401, 403).isLessThan(500);
                    }
                } else {
                    softly.assertThat(status).as(what).isEqualTo(403);
                }
            }
            if (call.method().equals("GET")) {
                for (String user : USERS) {
                    softly.assertThat(api.as(user).head(call.path()).status())
                            .as("HEAD " + call.path() + " as " + user + ", like its GET")
                            .isEqualTo(send(api.as(user), call).status());
                }
                softly.assertThat(api.anonymous().head(call.path()).status())
                        .as("HEAD " + call.path() + " anonymously, like its GET")
                        .isEqualTo(send(api.anonymous(), call).status());
            }
            int anonymous = send(api.anonymous(), call).status();
            String what = call.method() + " " + call.path() + " anonymously";
            if (call.pub()) {
                softly.assertThat(anonymous).as(what).isEqualTo(call.expected());
            } else {
                softly.assertThat(anonymous).as(what).isEqualTo(401);
            }
        }
        softly.assertAll();
        // commands were sent with bodies that fail validation, or by roles that may not send them; only the operator's
        // checkpoints were written, to their own stream
        assertThat(requestedEvents() - checkpointEvents()).isEqualTo(before);
    }

    private List<Call> calls(String id, String textSha) {
        String agreement = "/api/v1/agreements/" + id;
        String unknownReview = "/reviews/00000000-0000-0000-0000-000000000001";
        List<Call> calls = new ArrayList<>();
        String[][] commands = {
            {"/api/v1/agreements", "/api/v1/agreements"},
            {"/api/v1/agreements/{agreementId}/revisions", agreement + "/revisions"},
            {"/api/v1/agreements/{agreementId}/submission", agreement + "/submission"},
            {"/api/v1/agreements/{agreementId}/signatures", agreement + "/signatures"},
            {"/api/v1/agreements/{agreementId}/board-decisions", agreement + "/board-decisions"},
            {
                "/api/v1/agreements/{agreementId}/board-decisions/{decisionId}/appeal",
                agreement + "/board-decisions/00000000-0000-0000-0000-000000000002/appeal"
            },
            {"/api/v1/agreements/{agreementId}/reviews", agreement + "/reviews"},
            {"/api/v1/agreements/{agreementId}/reviews/{reviewId}/reschedule", agreement + unknownReview + "/reschedule"
            },
            {
                "/api/v1/agreements/{agreementId}/reviews/{reviewId}/cancellation",
                agreement + unknownReview + "/cancellation"
            },
            {"/api/v1/agreements/{agreementId}/reviews/{reviewId}/outcome", agreement + unknownReview + "/outcome"},
            {"/api/v1/agreements/{agreementId}/amendments", agreement + "/amendments"},
            {"/api/v1/agreements/{agreementId}/documents", agreement + "/documents"},
            {"/api/v1/agreements/{agreementId}/links", agreement + "/links"},
            {"/api/v1/agreements/{agreementId}/parties/{partyId}/notice", agreement + "/parties/halmstad/notice"},
            {"/api/v1/agreements/{agreementId}/parties/{partyId}/removal", agreement + "/parties/halmstad/removal"},
            {"/api/v1/agreements/{agreementId}/termination", agreement + "/termination"},
            {"/api/v1/agreements/{agreementId}/abandonment", agreement + "/abandonment"},
        };
        for (String[] command : commands) {
            // an unknown field makes every body invalid: a command let through is refused by validation, not written
            calls.add(new Call("POST", command[0], command[1], "{\"notAField\": true}", Set.of(S), false, 0));
        }
        // archival takes no body; the draft is not terminated, so it is refused by the aggregate (409)
        calls.add(new Call(
                "POST",
                "/api/v1/agreements/{agreementId}/archival",
                agreement + "/archival",
                null,
                Set.of(S),
                false,
                0));

        calls.add(new Call(
                "GET", "/api/v1/agreements", "/api/v1/agreements?party=halmstad", null, Set.of(S, A, R), false, 200));
        calls.add(new Call("GET", "/api/v1/agreements/{agreementId}", agreement, null, Set.of(S, A, R), false, 200));
        calls.add(new Call(
                "GET",
                "/api/v1/agreements/{agreementId}",
                agreement + "?asOf=2030-01-01T00:00:00Z",
                null,
                Set.of(A),
                false,
                200));
        calls.add(new Call(
                "GET",
                "/api/v1/agreements/{agreementId}",
                agreement + "?validOn=2026-01-01",
                null,
                Set.of(A),
                false,
                200));
        calls.add(new Call(
                "GET",
                "/api/v1/agreements/{agreementId}/history",
                agreement + "/history",
                null,
                Set.of(S, A),
                false,
                200));
        calls.add(new Call(
                "GET", "/api/v1/agreements/counts", "/api/v1/agreements/counts", null, Set.of(S, A, R), false, 200));
        calls.add(new Call(
                "GET",
                "/api/v1/agreements/{agreementId}/links",
                agreement + "/links",
                null,
                Set.of(S, A, R),
                false,
                200));
        calls.add(new Call(
                "GET", "/api/v1/agreements/{agreementId}/events", agreement + "/events", null, Set.of(A), false, 200));
        calls.add(new Call(
                "GET",
                "/api/v1/agreements/{agreementId}/verification",
                agreement + "/verification",
                null,
                Set.of(A),
                false,
                200));
        calls.add(new Call(
                "GET",
                "/api/v1/agreements/{agreementId}/dossier",
                agreement + "/dossier?format=json",
                null,
                Set.of(A),
                false,
                200));
        calls.add(new Call(
                "GET",
                "/api/v1/agreements/export",
                "/api/v1/agreements/export?party=halmstad",
                null,
                Set.of(S, A, R),
                false,
                200));
        // the draft is not archived: an auditor is refused by the rule (409), an operator gets a preliminary extract
        calls.add(new Call(
                "GET",
                "/api/v1/agreements/{agreementId}/archive-package",
                agreement + "/archive-package",
                null,
                Set.of(A, O),
                false,
                0));
        calls.add(new Call(
                "GET", "/api/v1/reviews", "/api/v1/reviews?party=halmstad", null, Set.of(S, A, R), false, 200));
        calls.add(new Call(
                "GET",
                "/api/v1/reviews/calendar.ics",
                "/api/v1/reviews/calendar.ics?party=halmstad",
                null,
                Set.of(S, A, R),
                false,
                200));
        calls.add(new Call("GET", "/api/v1/reminders", "/api/v1/reminders", null, Set.of(S, A, R), false, 200));
        calls.add(new Call(
                "POST",
                "/api/v1/calendar/feeds",
                "/api/v1/calendar/feeds",
                "{\"party\": \"halmstad\"}",
                Set.of(S, R),
                false,
                201));
        calls.add(new Call(
                "DELETE",
                "/api/v1/calendar/feeds/{feed}",
                "/api/v1/calendar/feeds/no-such-token",
                null,
                Set.of(S, O),
                false,
                404));
        calls.add(new Call("GET", "/api/v1/calendar/feeds", "/api/v1/calendar/feeds", null, Set.of(S, O), false, 200));
        calls.add(new Call(
                "GET",
                "/api/v1/calendar/{token}.ics",
                "/api/v1/calendar/no-such-token.ics",
                null,
                Set.of(),
                true,
                404));
        calls.add(
                new Call("GET", "/api/v1/admin/projections", "/api/v1/admin/projections", null, Set.of(O), false, 200));
        // an unknown read model: the operator gets past authorization without starting a rebuild
        calls.add(new Call(
                "POST",
                "/api/v1/admin/projections/{name}/rebuild",
                "/api/v1/admin/projections/no-such-model/rebuild",
                "{}",
                Set.of(O),
                false,
                404));
        calls.add(new Call(
                "POST", "/api/v1/admin/archive-exports", "/api/v1/admin/archive-exports", null, Set.of(O), false, 202));
        calls.add(new Call(
                "GET",
                "/api/v1/admin/archive-exports/{exportId}",
                "/api/v1/admin/archive-exports/00000000-0000-4000-8000-000000000003",
                null,
                Set.of(O),
                false,
                404));
        // the one write of the matrix: an operator's checkpoint, in the checkpoints' own stream
        calls.add(new Call(
                "POST", "/api/v1/audit/checkpoints", "/api/v1/audit/checkpoints", null, Set.of(O), false, 201));
        calls.add(new Call(
                "GET", "/api/v1/audit/checkpoints", "/api/v1/audit/checkpoints", null, Set.of(A, O), false, 200));
        String unknownCheckpoint = "/api/v1/audit/checkpoints/00000000-0000-4000-8000-000000000004";
        calls.add(new Call(
                "GET", "/api/v1/audit/checkpoints/{checkpointId}", unknownCheckpoint, null, Set.of(A, O), false, 404));
        calls.add(new Call(
                "POST",
                "/api/v1/audit/checkpoints/{checkpointId}/verifications",
                unknownCheckpoint + "/verifications",
                null,
                Set.of(A, O),
                false,
                404));
        calls.add(new Call(
                "GET",
                "/api/v1/audit/checkpoints/{checkpointId}/verifications/{verificationId}",
                unknownCheckpoint + "/verifications/00000000-0000-4000-8000-000000000005",
                null,
                Set.of(A, O),
                false,
                404));
        calls.add(new Call(
                "GET",
                "/api/v1/audit/checkpoints/{checkpointId}/store-extract",
                unknownCheckpoint + "/store-extract",
                null,
                Set.of(A),
                false,
                404));
        // a reader's own extracts made in the background: auditors and operators
        String unknownExtract = "/api/v1/extracts/00000000-0000-4000-8000-000000000006";
        calls.add(new Call("GET", "/api/v1/extracts", "/api/v1/extracts", null, Set.of(A, O), false, 200));
        calls.add(new Call("GET", "/api/v1/extracts/{jobId}", unknownExtract, null, Set.of(A, O), false, 404));
        calls.add(new Call(
                "GET", "/api/v1/extracts/{jobId}/file", unknownExtract + "/file", null, Set.of(A, O), false, 404));
        calls.add(new Call("DELETE", "/api/v1/extracts/{jobId}", unknownExtract, null, Set.of(A, O), false, 404));
        // webhook subscriptions: secretariats (their parties' own) and operators; a body that fails validation, an
        // unknown subscription
        String unknownWebhook = "/api/v1/webhooks/00000000-0000-4000-8000-000000000007";
        calls.add(new Call(
                "POST", "/api/v1/webhooks", "/api/v1/webhooks", "{\"url\": \"ftp://x\"}", Set.of(S, O), false, 400));
        calls.add(new Call("GET", "/api/v1/webhooks", "/api/v1/webhooks", null, Set.of(S, O), false, 200));
        calls.add(new Call(
                "GET", "/api/v1/webhooks/public-key", "/api/v1/webhooks/public-key", null, Set.of(), true, 200));
        calls.add(new Call("GET", "/api/v1/webhooks/{subscriptionId}", unknownWebhook, null, Set.of(S, O), false, 404));
        calls.add(new Call(
                "DELETE", "/api/v1/webhooks/{subscriptionId}", unknownWebhook, null, Set.of(S, O), false, 404));
        calls.add(new Call(
                "POST",
                "/api/v1/webhooks/{subscriptionId}/secret",
                unknownWebhook + "/secret",
                "{}",
                Set.of(S, O),
                false,
                404));
        calls.add(new Call(
                "POST",
                "/api/v1/webhooks/{subscriptionId}/ping",
                unknownWebhook + "/ping",
                "{}",
                Set.of(S, O),
                false,
                404));
        calls.add(new Call(
                "POST",
                "/api/v1/webhooks/{subscriptionId}/redeliveries",
                unknownWebhook + "/redeliveries",
                "{\"eventId\": \"x\"}",
                Set.of(S, O),
                false,
                404));
        calls.add(new Call(
                "GET",
                "/api/v1/webhooks/{subscriptionId}/deliveries",
                unknownWebhook + "/deliveries",
                null,
                Set.of(S, O),
                false,
                404));
        calls.add(new Call("GET", "/api/v1/audit/keys", "/api/v1/audit/keys", null, Set.of(), true, 200));
        calls.add(new Call(
                "GET", "/api/v1/agreements/{agreementId}/proof", agreement + "/proof", null, Set.of(A), false, 200));
        // the party register: every role reads it; a secretariat or operator adds (here refused as incomplete)
        calls.add(new Call("GET", "/api/v1/parties", "/api/v1/parties?q=koge", null, Set.of(S, A, R, O), false, 200));
        calls.add(new Call(
                "GET", "/api/v1/parties/{partyId}", "/api/v1/parties/koge", null, Set.of(S, A, R, O), false, 200));
        calls.add(new Call("POST", "/api/v1/parties", "/api/v1/parties", "{}", Set.of(S, O), false, 400));
        String unknownContact = "/api/v1/contacts/00000000-0000-4000-8000-000000000006";
        calls.add(new Call(
                "GET",
                "/api/v1/contacts",
                "/api/v1/contacts?email=nobody@example.org",
                null,
                Set.of(S, O),
                false,
                200));
        calls.add(new Call(
                "PUT",
                "/api/v1/contacts/{contactId}",
                unknownContact,
                "{\"email\":\"nobody@example.org\"}",
                Set.of(S),
                false,
                404));
        calls.add(new Call("DELETE", "/api/v1/contacts/{contactId}", unknownContact, null, Set.of(S, O), false, 404));
        // the document store: the agreement's text, which its readers may read (an operator sees it without its bytes)
        String document = "/api/v1/documents/" + textSha;
        // not multipart: the secretariat gets past authorization to 415, and nothing is stored
        calls.add(new Call(
                "POST", "/api/v1/documents", "/api/v1/documents", "{\"notAField\": true}", Set.of(S), false, 0));
        calls.add(new Call("GET", "/api/v1/documents/{sha256}", document, null, Set.of(S, A, R, O), false, 200));
        calls.add(new Call(
                "GET", "/api/v1/documents/{sha256}/content", document + "/content", null, Set.of(S, A, R), false, 200));
        // an agreement names it: the secretariat is refused by the rule (409), not by its role
        calls.add(new Call("DELETE", "/api/v1/documents/{sha256}", document, null, Set.of(S), false, 409));
        // an invalid body: the operator gets past authorization to validation (400), and nothing is culled
        calls.add(new Call(
                "POST",
                "/api/v1/documents/{sha256}/culling",
                document + "/culling",
                "{\"notAField\": true}",
                Set.of(O),
                false,
                400));
        calls.add(new Call("GET", "/api/v1/admin/documents", "/api/v1/admin/documents", null, Set.of(O), false, 200));
        calls.add(new Call(
                "GET",
                "/api/v1/agreements/{agreementId}/documents",
                agreement + "/documents",
                null,
                Set.of(S, A, R),
                false,
                200));
        // the open register: anonymous and read-only (the shared test context has it on)
        for (String open : List.of(
                "/open/",
                "/open/agreements",
                "/open/agreements.csv",
                "/open/decisions.csv",
                "/open/catalog",
                "/open/catalog.ttl",
                "/open/catalog.jsonld",
                "/open/terms")) {
            calls.add(new Call("GET", open, open, null, Set.of(), true, 200));
        }
        calls.add(new Call(
                "GET",
                "/open/agreements/{agreementId}",
                "/open/agreements/00000000-0000-4000-8000-000000000008",
                null,
                Set.of(),
                true,
                404));
        calls.add(new Call("GET", "/actuator/metrics", "/actuator/metrics", null, Set.of(O), false, 200));
        calls.add(new Call("GET", "/actuator/prometheus", "/actuator/prometheus", null, Set.of(O), false, 200));
        calls.add(new Call("GET", "/actuator/health", "/actuator/health", null, Set.of(), true, 200));
        calls.add(new Call("GET", "/v3/api-docs", "/v3/api-docs", null, Set.of(), true, 200));
        return calls;
    }

    private long checkpointEvents() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'coop-checkpoints'", Long.class);
    }

    private Set<String> documentedOperations() {
        JsonNode paths = api.anonymous().get("/v3/api-docs").json().get("paths");
        Set<String> operations = new LinkedHashSet<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
            }
        }
        return operations;
    }

    private static Api.Answer send(Api.Request request, Call call) {
        return switch (call.method()) {
            case "GET" -> request.get(call.path());
            case "DELETE" -> request.delete(call.path());
            case "PUT" -> request.put(call.path(), call.body());
            default -> request.post(call.path(), call.body(), call.body() == null ? null : "application/json");
        };
    }
}
