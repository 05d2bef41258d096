package se.coop.app.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import se.coop.api.PartyId;
import se.coop.api.input.PlausibleDates;
import tools.jackson.databind.JsonNode;

/** Describes the API, its security, the request headers of commands and the problem answers every endpoint may give. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        // a JSON value as it was stored (an event's payload and metadata): any JSON, not Jackson's JsonNode's getters
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new Schema<>());
    }

    static final String DESCRIPTION = """
            Coop keeps cooperation agreements between public bodies honest and on time: drafted, revised, signed,
            adopted by each party's board, in force, reviewed every year, amended, terminated and archived.

            Errors are `application/problem+json` (RFC 9457) with `errorCode` and, for bad input, `violations`.
            Choices where docs/api.md is silent:
            - an id in a path that cannot be parsed names nothing and is answered 404;
            - the list of agreements counts its matches exactly up to 10,000; beyond that `totalElements` is 10,000, a
              lower bound, and `totalExact` is false (counting every match, for a filter matching most of a large
              register, cost more than the page itself);
            - a party named in a path that is not in the agreement is 404 `PARTY_NOT_FOUND`; one named in a body is
              409 `PARTY_NOT_IN_AGREEMENT`;
            - a date after today in a signature, decision, appeal or notice is refused by rule 5 with 409
              `DATE_IN_FUTURE`, with the field in `violations`;
            - fewer than two parties, duplicate party ids and not exactly one lead are rule 1: 409;
            - `Idempotency-Key` remembers successful answers only; a refused command may be retried with the same key;
            - attaching a document that is already attached (same sha256) answers 200 with its existing id; under
              another title, media type or address it records `DocumentCorrected` (rule 15); with another size it is
              409 `DOCUMENT_ALREADY_ATTACHED` (the same bytes cannot have another size); a revision naming the current
              text's sha256 under another title, media type or address records `TextDescriptionCorrected` and makes no
              new text version;
            - an appeal dated before the decision it appeals, or decided before the day it was lodged, is 409
              `DATE_OUT_OF_ORDER`;
            - `LinkAgreement` naming an `otherAgreementId` that is not in Coop is 409 `LINKED_AGREEMENT_NOT_FOUND`;
            - every answer to a command echoes `X-Correlation-Id`, which is recorded in the events' metadata;
            - `overdue` is true for an agreement in force from the day after its review cadence has passed since the
              last annual review held (or since it entered into force); a review only scheduled does not switch it
              off (docs/domain.md, rule 7); the lead party's secretariat is then reminded (its address:
              `coop.reminders.secretariats.<partyId>`), once `coop.reminders.overdue-grace` (1 hour) has passed since
              Coop learned of it, and again when the due day moves;
            - `TerminateAgreement` with `effectiveOn` after today leaves the agreement `IN_FORCE` with `terminatesOn` in
              its status until that day, when a timer terminates it; meetings on or after that day are refused; a
              decided termination is not withdrawn or moved (409 `WRONG_STATE`); an `effectiveOn` before entry into
              force or after a fixed `endsOn` is 409 `DATE_OUT_OF_ORDER`;
            - an appeal (rule 12) may be lodged while the window is open, again after a dismissal; later it is 409
              `APPEAL_WINDOW_CLOSED`; a party's `legallyFinalOn` is the later of the day after the last day to appeal
              and the last dismissal, and is absent while an appeal is lodged and not ruled on;
            - of a board's decisions on a text, its latest adoption or rejection counts (rule 4); `latestDecision`
              shows that one, or a referral back or tabling when the board has made nothing else;
            - approvals completed only after a fixed term has ended make the agreement `EXPIRED` without it ever
              entering into force (`effectiveFrom` stays empty); notice dated before entry into force, and a meeting's
              outcome dated before the day it was scheduled, are 409 `DATE_OUT_OF_ORDER`;
            - every value of every request body keeps one set of input rules, else 400 `VALIDATION_FAILED` naming the
              field: text holds no control character (TAB, LF, CR and the Unicode line and paragraph separators only
              in fields that span lines: reasons, summaries, notes, dissents), no unpaired surrogate and no Unicode
              noncharacter; white space and invisible characters (zero-width spaces, joiners, the byte-order mark) at
              either end are dropped, so text made only of them is blank; each text has the maximum length its
              schema gives; a document's `uri` is an `https:` or `http:` address with a host, or a `urn:`; an `amount`
              is a decimal from 0 with at most 15 digits before the point and 2 after, stored and shown as that exact
              decimal (100.50 stays 100.50; an exponent is written out: 1E+3 is kept as 1000); dates are exactly `YYYY-MM-DD` and date-times ISO-8601 with an explicit offset, both between
              1900-01-01 and 2199-12-31 (a date-time's day both as given and in Europe/Stockholm); an e-mail address
              holds no white space or invisible character; a party id is 1–64 lower-case letters a–z, digits and
              single hyphens (in a path or a `party` filter, also the wider form earlier versions stored: capitals,
              `.` and `_`; anything else is 400 there too); a JSON
              key given twice in one object, and a list naming the same member twice (approvals, reminder offsets,
              focus-area codes or reviewer e-mails in any case, dissents), are refused; a number too large to read
              names the field and its range;
            - query parameters keep the same rules (text, dates and date-times with their window) or are 400
              `VALIDATION_FAILED`, naming the parameter in `violations`; parameters that cannot be decoded (a `%` without two hex digits, bytes that
              are no UTF-8) and addresses Tomcat or the firewall refuse (an encoded `/`, a NUL, `//`, `..;`, an
              encoded `.`) are 400 `MALFORMED_REQUEST`, on every endpoint and for every caller; every error is a
              problem with `type`, `title`, `status` and `errorCode` (an HTTP version or transfer coding Coop does not
              speak, 505 or 501, is `MALFORMED_REQUEST` too); the error page `/error` asked for directly is 404;
            - `If-Match` is evaluated as RFC 9110 says: `*` matches any version, a list matches when one of its strong
              entity tags is the agreement's version in quotes (a weak `W/` tag never matches), anything else that is
              no list of entity tags is 400; on `POST /api/v1/agreements`, which creates an agreement, only `*` can
              match (the list of agreements has no version);
            - `validOn` after today is 400 (Coop shows what was decided, not what will be);
            - a command that answers what is already there (the same document attached again, possibly with its
              description corrected; the pending amendment proposed again) is 200 without `Location`, not 201;
            - a status read with `asOf` or `validOn` shows a past state: it carries no `ETag` (`If-Match` needs the
              current version) but `Coop-As-Of` or `Coop-Valid-On` saying what it shows;
            - `HEAD` is answered wherever `GET` is, with the same authorization (calendar feeds by token included);
            - at most `coop.read-your-writes.max-waiting` (32) reads wait for `Coop-Min-Position` at once; beyond that a
              read answers at once, with `Coop-Stale: true` if it is not current; only signed-in readers wait (the
              public calendar feeds answer at once); repeated `If-Match` lines are one list;
            - failed sign-ins are limited per client address and per user name (`coop.security.sign-ins.*`): beyond
              the limit a sign-in is 429 `TOO_MANY_SIGN_INS` with `Retry-After`, without its password being checked;
            - `/events` gives each event's stored payload and metadata bytes verbatim (`payloadBytes`,
              `metadataBytes`, base64), its `recordedAt` as stored, `payloadType`, `revision`, `sequence` and
              `chainHash`: enough to recompute the hash chain outside Coop; `payload` and `metadata` are the same
              JSON parsed for reading, numbers as written;
            - the admin view says per read model whether its processor is `stalled` on the node answering (a batch it
              cannot get past, even by parking an event) with the `error`, and lists every event processor of that
              node under `processors`; health (and readiness) is DOWN while one is stalled;
            - links in calendars and mails point at `coop.reminders.public-url`; when it is not set, a calendar links
              to the address its request came to, and a mail to the address and port the node listens on;
            - a node started with `coop.roles=command` answers only commands, one with `coop.roles=query` only reads
              and administration; the other endpoints are then 404 or 405 on that node;
            - reminders carry, besides the fields of docs/api.md, `subject` (`MEETING`, `OVERDUE_REVIEW`, `COUNCIL_REPORT`),
              `dueAt`, `deliveryAttempts`, `deliveryError` and `deliveredAt`; `delivery` is `PENDING`, `SENT`, `LOGGED`
              (no SMTP server configured), `RETRYING` or `FAILED` (given up after `coop.reminders.max-attempts`);
              `since` defaults to 90 days back;
            - a reminder whose time passed before it could be issued (a meeting scheduled inside its offsets, or Coop
              down at the time) is issued at once, but of several such only the nearest; a meeting moved to another
              time has its offsets counted afresh for the new time (a reminder's id names the meeting time it was
              for), a change of place alone issues nothing; `GET /api/v1/reviews` shows each meeting's
              `plannedReminders` (offset and due time); reminders are e-mailed as one digest per recipient and day;
            - docs/api.md names a reviewer's feed `/api/v1/calendar/{feedToken}.ics` but not how a token is issued:
              `POST /api/v1/calendar/feeds` `{"reviewer": "<e-mail>"}` (secretariat or reviewer) answers 201 with the
              token and the feed's URL, shown once (only the token's SHA-256 is stored), and
              `DELETE /api/v1/calendar/feeds/{token}` (secretariat) revokes it; a revoked or unknown token is 404.
            """;

    @Bean
    OpenAPI coopOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Coop HTTP API").version("1").description(DESCRIPTION))
                // relative: the Coop that serves the description, whatever its address; so the copy in docs/ is the
                // same
                .servers(java.util.List.of(new Server().url("/").description("the Coop serving this description")))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** What request bodies are read as: the value records they hold, and every *Request. */
    private static final Set<String> REQUEST_SCHEMAS = Set.of(
            "Party",
            "Reviewer",
            "AgreementText",
            "Funding",
            "Term",
            "FocusArea",
            "LocalizedText",
            "Signatory",
            "ReviewOutcome",
            "FeedRequest");

    /**
     * The input rules that bean validation does not already spell out in the schemas: a party id's one form, the
     * window of dates, the range of amounts, the two letters of a country.
     */
    @Bean
    OpenApiCustomizer inputRules() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            openApi.getComponents().getSchemas().forEach((name, schema) -> {
                Map<String, Schema<?>> properties = properties(schema);
                if ((name.endsWith("Request") || REQUEST_SCHEMAS.contains(name)) && properties != null) {
                    properties.forEach(OpenApiConfiguration::inputRule);
                }
            });
        };
    }

    /**
     * The raw events' {@code payload} and {@code metadata}: any JSON (an object as Coop writes them; the text of a row
     * that is no longer JSON), which the replacement of Jackson's {@code JsonNode} above describes without words.
     */
    @Bean
    OpenApiCustomizer storedJson() {
        return openApi -> {
            Schema<?> stored = openApi.getComponents() == null
                    ? null
                    : openApi.getComponents().getSchemas().get("StoredEvent");
            if (stored == null || properties(stored) == null) {
                return;
            }
            Map<String, Schema<?>> properties = properties(stored);
            properties.computeIfPresent(
                    "payload",
                    (name, schema) -> new Schema<>()
                            .description(
                                    "the stored payload parsed for reading: a JSON object, or its text should it not be"
                                            + " JSON"));
            // untyped, so null (metadata a row does not have) is one of its values, as OpenAPI 3.0 reads it
            properties.computeIfPresent(
                    "metadata",
                    (name, schema) -> new Schema<>()
                            .description("the stored metadata parsed for reading: a JSON object, its text should it not"
                                    + " be JSON, or null"));
        };
    }

    /**
     * A reviewer's {@code email} is required in a request; an answer gives the address the contact register holds
     * now, and none once the contact was erased (docs/decisions/0007).
     */
    @Bean
    OpenApiCustomizer reviewerAddresses() {
        return openApi -> {
            Schema<?> reviewer = openApi.getComponents() == null
                    ? null
                    : openApi.getComponents().getSchemas().get("Reviewer");
            if (reviewer == null || properties(reviewer) == null) {
                return;
            }
            properties(reviewer)
                    .computeIfPresent(
                            "email",
                            (name, schema) -> schema.description("required in a request; in an answer the address the"
                                    + " contact register holds now, null once the contact was erased"));
            properties(reviewer)
                    .computeIfPresent(
                            "contactId",
                            (name, schema) -> schema.description(
                                    "the contact holding the address (GET/PUT/DELETE /api/v1/contacts); never read"
                                            + " from a request"));
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Schema<?>> properties(Schema<?> schema) {
        return (Map) schema.getProperties();
    }

    private static void inputRule(String property, Schema<?> schema) {
        if (property.equals("partyId")) {
            schema.pattern("^[a-z0-9]+(-[a-z0-9]+)*$").maxLength(64).description(PartyId.STRICT_FORM);
        } else if (property.equals("country")) {
            schema.pattern("^[A-Z]{2}$").description("ISO 3166-1 alpha-2, e.g. SE or DK");
        } else if (property.equals("amount")) {
            schema.maximum(new BigDecimal("999999999999999.99"))
                    .multipleOf(new BigDecimal("0.01"))
                    .description("a decimal from 0, at most 15 digits before the point and 2 after, kept exactly");
        } else if ("date".equals(schema.getFormat())) {
            schema.description("YYYY-MM-DD, from " + PlausibleDates.EARLIEST + " to " + PlausibleDates.LATEST);
        } else if ("date-time".equals(schema.getFormat())) {
            schema.description("ISO-8601 with its offset; its day from " + PlausibleDates.EARLIEST + " to "
                    + PlausibleDates.LATEST);
        } else if (property.equals("uri")) {
            schema.description("an https: or http: address with a host (no user name or password), or a urn:");
        }
    }

    /** Commands take If-Match, Idempotency-Key and X-Correlation-Id, and answer ETag and Coop-Position. */
    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PostMapping.class)
                    && handler.getBeanType().getPackageName().startsWith("se.coop.command.web")) {
                operation.addParametersItem(new HeaderParameter()
                        .name("If-Match")
                        .description("\"<version>\", a list of such entity tags, or *: refused with 412 unless one of"
                                + " its strong tags is the agreement's version (RFC 9110)")
                        .schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter()
                        .name("Idempotency-Key")
                        .description("at most 200 characters: the same key with the same body returns the first"
                                + " answer and writes nothing; with another body, 422")
                        .schema(new StringSchema().maxLength(200)));
                operation.addParametersItem(new HeaderParameter()
                        .name("X-Correlation-Id")
                        .description("recorded in the metadata of every event the command causes; generated when"
                                + " absent")
                        .schema(new StringSchema()));
                operation
                        .getResponses()
                        .values()
                        .forEach(response -> response.setHeaders(Map.of(
                                "ETag",
                                new Header()
                                        .description("\"<version>\": events in the agreement's stream")
                                        .schema(new StringSchema()),
                                "Coop-Position",
                                new Header()
                                        .description("global position of the last event written")
                                        .schema(new IntegerSchema().format("int64")),
                                "X-Correlation-Id",
                                new Header()
                                        .description("the request's correlation id, as recorded with the events")
                                        .schema(new StringSchema()),
                                "Idempotent-Replayed",
                                new Header()
                                        .description("true when this is the first answer to the Idempotency-Key again")
                                        .schema(new StringSchema()._enum(java.util.List.of("true"))))));
                problem(
                        operation,
                        "400",
                        "Bad input: malformed JSON, unknown field or enum value, bad date, missing field");
                problem(operation, "404", "Unknown agreement or sub-resource");
                problem(operation, "409", "Refused by a rule of the agreement; errorCode and detail say which");
                problem(operation, "412", "Stale If-Match");
                problem(operation, "413", "Body over 256 KiB");
                problem(operation, "422", "Idempotency-Key reused with another body");
            }
            problem(operation, "401", "No or bad credentials");
            problem(operation, "403", "The role does not allow this");
            return operation;
        };
    }

    /**
     * Every read of the API takes {@code Coop-Min-Position} (read-your-writes, {@code QueryWebConfiguration}) and may
     * answer {@code Coop-Stale}.
     */
    @Bean
    OperationCustomizer readHeaders() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(GetMapping.class)
                    && handler.getBeanType().getPackageName().startsWith("se.coop.query")) {
                operation.addParametersItem(new HeaderParameter()
                        .name("Coop-Min-Position")
                        .description("a position a command answered (Coop-Position): the read waits, at most 5 s, until"
                                + " every read model has processed it (signed-in readers only)")
                        .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)));
                ApiResponse ok = operation.getResponses().get("200");
                if (ok != null) {
                    ok.addHeaderObject(
                            "Coop-Stale",
                            new Header()
                                    .description("true when the read could not wait for Coop-Min-Position: the answer"
                                            + " may not show that write yet")
                                    .schema(new StringSchema()._enum(java.util.List.of("true"))));
                }
            }
            return operation;
        };
    }

    private static void problem(io.swagger.v3.oas.models.Operation operation, String status, String description) {
        operation
                .getResponses()
                .computeIfAbsent(
                        status,
                        s -> new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                "application/problem+json",
                                                new MediaType().schema(new Schema<>().type("object")))));
    }
}
