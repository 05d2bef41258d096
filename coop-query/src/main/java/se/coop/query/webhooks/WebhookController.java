package se.coop.query.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.Origin;
import se.coop.api.PartyId;
import se.coop.api.input.Visible;
import se.coop.query.QueryNode;
import se.coop.query.readmodel.KnownParties;
import se.coop.query.web.UserEmails;

/**
 * Webhook subscriptions (roles SECRETARIAT, OPERATOR): a secretariat makes, sees and removes those of its own parties,
 * an operator every one; each subscription's delivery log.
 */
@QueryNode
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Coop's events delivered to the systems around it as signed CloudEvents")
public class WebhookController {

    /** A new subscription. */
    public record WebhookRequest(
            @NotBlank @Size(max = 2000) String url,
            @Size(min = 1, max = 40) List<@NotBlank @Size(max = 60) String> types,
            @Valid PartyId partyId,
            @Size(max = 500) String description,

            @Pattern(regexp = "v1|v1a", message = "must be v1 (HMAC-SHA256 with a secret) or v1a (Ed25519)")
            String scheme,

            @Email(
                    regexp = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+",
                    message = "must be an e-mail address such as name@example.org")
            @Visible
            @Size(max = 320)
            String notifyEmail) {}

    /** Coop's public key for v1a signatures, as Standard Webhooks writes it. */
    public record PublicKey(String publicKey, String algorithm) {}

    /** Events to send again: one by its id, or those from one position to another (both included). */
    public record RedeliveryRequest(@Size(max = 36) String eventId, Long fromPosition, Long toPosition) {}

    /** How many events a redelivery queued. */
    public record Redelivery(int queued) {}

    /** What a ping's receiver answered: its status, the first kilobyte of its answer, how long it took. */
    public record Ping(Integer status, String answer, long millis, String error) {}

    private final WebhookSubscriptions subscriptions;
    private final WebhookAddresses addresses;
    private final KnownParties parties;
    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final WebhookKey key;
    private final Duration overlap;
    private final ObjectProvider<UserEmails> emails;

    WebhookController(
            WebhookSubscriptions subscriptions,
            WebhookAddresses addresses,
            KnownParties parties,
            WebhookOutbox outbox,
            WebhookSender sender,
            WebhookKey key,
            @Value("${coop.webhooks.secret-overlap:24h}") Duration overlap,
            ObjectProvider<UserEmails> emails) {
        this.emails = emails;
        this.subscriptions = subscriptions;
        this.addresses = addresses;
        this.parties = parties;
        this.outbox = outbox;
        this.sender = sender;
        this.key = key;
        this.overlap = overlap;
    }

    static WebhookSubscriptions.Reader reader(Authentication user) {
        List<String> authorities = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        return new WebhookSubscriptions.Reader(
                user.getName(), authorities.contains("ROLE_OPERATOR"), Origin.partiesOf(authorities));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "createWebhook",
            summary = "Subscribes an endpoint to Coop's events (roles SECRETARIAT, OPERATOR)",
            description = "Body: url (https; plain http only for a host in coop.webhooks.allowed-local-hosts; a host"
                    + " that resolves to a loopback, link-local, private or other non-public address is refused unless"
                    + " allowed), types (event names such as BoardDecisionRecorded; every type when absent), partyId"
                    + " (only agreements that party belongs to: a secretariat's own party, its only one when it names none,"
                    + " any party or none for an operator; 404 PARTY_NOT_FOUND for a party neither the party"
                    + " register nor any agreement names), description, notifyEmail (who is told by e-mail when the subscription is suspended; the maker's own address when left out) and scheme (v1, the default: HMAC-SHA256"
                    + " with a secret of its own; v1a: Ed25519 with Coop's key, GET /api/v1/webhooks/public-key). The events stored from now on are"
                    + " delivered, each as a CloudEvent signed per Standard Webhooks (docs/integration.md). 201 with"
                    + " the subscription and, for v1, its secret (whsec_…), shown this once.")
    public ResponseEntity<WebhookSubscriptions.Subscription> create(
            @Valid @RequestBody WebhookRequest request, Authentication user) {
        URI url = addresses.endpoint(request.url());
        List<String> types = request.types() == null
                ? null
                : request.types().stream().map(String::strip).distinct().toList();
        if (types != null) {
            for (int i = 0; i < types.size(); i++) {
                if (!WebhookOutbox.TYPES.contains(types.get(i))) {
                    throw new CoopProblem(
                            ErrorCode.VALIDATION_FAILED,
                            "There is no event type '" + types.get(i) + "'; the types are "
                                    + WebhookOutbox.TYPES.stream().sorted().toList() + ".",
                            "types[" + i + "]");
                }
            }
        }
        WebhookSubscriptions.Reader reader = reader(user);
        String partyId = partyOf(request, reader);
        if (partyId != null) {
            parties.require(partyId, "partyId");
        }
        String description =
                request.description() == null || request.description().isBlank()
                        ? null
                        : request.description().strip();
        // who is told when it is suspended: the address given, else the maker's own
        String notify = request.notifyEmail() != null && !request.notifyEmail().isBlank()
                ? request.notifyEmail().strip()
                : emails.stream().flatMap(e -> e.of(user).stream()).findFirst().orElse(null);
        WebhookSubscriptions.Subscription made = subscriptions.create(
                url.toString(),
                types,
                partyId,
                description,
                request.scheme() == null ? WebhookSubscriptions.V1 : request.scheme(),
                reader.name(),
                reader.parties(),
                notify);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + made.subscriptionId()))
                .body(made);
    }

    /**
     * The party a new subscription is for: any (or none, every agreement) for an operator or a user of no party; a
     * secretariat's own — the one it names, or its only party when it names none.
     */
    private static String partyOf(WebhookRequest request, WebhookSubscriptions.Reader reader) {
        String named = request.partyId() == null ? null : request.partyId().value();
        if (reader.operator() || reader.parties().isEmpty()) {
            return named;
        }
        if (named == null && reader.parties().size() == 1) {
            return reader.parties().get(0);
        }
        if (named == null || !reader.parties().contains(named)) {
            throw new CoopProblem(
                    ErrorCode.VALIDATION_FAILED,
                    "must be one of your own parties: " + String.join(", ", reader.parties()),
                    "partyId");
        }
        return named;
    }

    /** A subscription's id as a path gives it; anything else names no subscription. */
    private static UUID id(String subscriptionId) {
        try {
            if (subscriptionId.length() == 36) {
                return UUID.fromString(subscriptionId);
            }
        } catch (IllegalArgumentException e) {
            // falls through: not an id
        }
        throw new CoopProblem(ErrorCode.NOT_FOUND, "There is no such webhook subscription.");
    }

    @GetMapping(path = "/public-key", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "webhookPublicKey",
            summary = "Coop's public key for v1a webhook signatures (public)",
            description = "Ed25519, as Standard Webhooks writes it: whpk_ and the raw 32-byte key in base64. Not the"
                    + " checkpoints' key.")
    public PublicKey publicKey() {
        return new PublicKey(key.publicKey(), "Ed25519");
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "listWebhooks",
            summary = "The webhook subscriptions you may see, newest first (roles SECRETARIAT, OPERATOR)",
            description = "A secretariat sees those made by itself or by users of its parties; an operator every one."
                    + " Never a secret. state: ACTIVE, DISABLED (its receiver answered 410) or SUSPENDED (its"
                    + " deliveries failed for coop.webhooks.give-up-after), with stateReason.")
    public List<WebhookSubscriptions.Subscription> list(Authentication user) {
        return subscriptions.list(reader(user));
    }

    @GetMapping(path = "/{subscriptionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getWebhook", summary = "One webhook subscription (404 for one you may not see)")
    public WebhookSubscriptions.Subscription get(@PathVariable String subscriptionId, Authentication user) {
        return subscriptions.get(id(subscriptionId), reader(user));
    }

    @DeleteMapping("/{subscriptionId}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Removes a webhook subscription and its delivery log; nothing more is sent to it")
    public ResponseEntity<Void> delete(@PathVariable String subscriptionId, Authentication user) {
        subscriptions.delete(id(subscriptionId), reader(user));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{subscriptionId}/secret", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Gives a subscription a new secret, shown this once",
            description = "Deliveries carry two signatures, one with the new secret and one with the old, for"
                    + " coop.webhooks.secret-overlap (24 h; previousSecretUntil), so the receiver can take the new one"
                    + " in meanwhile; then the new one alone.")
    public WebhookSubscriptions.Subscription rotate(@PathVariable String subscriptionId, Authentication user) {
        return subscriptions.rotate(id(subscriptionId), reader(user), overlap);
    }

    @PostMapping(path = "/{subscriptionId}/ping", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "pingWebhook",
            summary = "Sends the endpoint a signed test event now and says what it answered",
            description = "A CloudEvent of type se.coop.webhook.ping, signed as every delivery is; 200 with the"
                    + " receiver's status, the first kilobyte of its answer and how long it took, or the error (an"
                    + " address refused, no connection, no answer in time). Nothing is recorded.")
    public Ping ping(@PathVariable String subscriptionId, Authentication user) {
        WebhookSubscriptions.Subscription subscription = subscriptions.get(id(subscriptionId), reader(user));
        try {
            WebhookSender.Answer answer = sender.ping(subscription);
            return new Ping(answer.status(), answer.body(), answer.millis(), null);
        } catch (IOException e) {
            return new Ping(null, null, 0, e instanceof WebhookAddresses.Refused ? e.getMessage() : e.toString());
        }
    }

    @PostMapping(
            path = "/{subscriptionId}/redeliveries",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "redeliverWebhookEvents",
            summary = "Sends one event, or the events of a range of positions, again",
            description = "Body: eventId (an event of the delivery log), or fromPosition and toPosition (both"
                    + " included, at most 10,000 apart; events stored before the subscription was made too). Each"
                    + " event the subscription wants (its types, its party) is queued again under its own id, in"
                    + " order per agreement; a disabled or suspended subscription is made active again. 202 with how"
                    + " many were queued.")
    public ResponseEntity<Redelivery> redeliver(
            @PathVariable String subscriptionId, @Valid @RequestBody RedeliveryRequest request, Authentication user) {
        WebhookSubscriptions.Subscription subscription = subscriptions.get(id(subscriptionId), reader(user));
        long from;
        long to;
        if (request.eventId() != null) {
            if (request.fromPosition() != null || request.toPosition() != null) {
                throw new CoopProblem(
                        ErrorCode.VALIDATION_FAILED,
                        "give eventId or fromPosition and toPosition, not both",
                        "eventId");
            }
            long at = outbox.positionOf(subscription.subscriptionId(), request.eventId())
                    .orElseThrow(() -> new CoopProblem(
                            ErrorCode.NOT_FOUND,
                            "The subscription's delivery log has no event " + request.eventId() + "."));
            from = at;
            to = at;
        } else {
            if (request.fromPosition() == null || request.toPosition() == null) {
                throw new CoopProblem(
                        ErrorCode.VALIDATION_FAILED,
                        "give eventId, or fromPosition and toPosition",
                        request.fromPosition() == null ? "fromPosition" : "toPosition");
            }
            from = request.fromPosition();
            to = request.toPosition();
            if (from < 1 || to < from) {
                throw new CoopProblem(
                        ErrorCode.VALIDATION_FAILED, "must be at least 1 and at most toPosition", "fromPosition");
            }
            if (to - from >= WebhookOutbox.MOST_REDELIVERED) {
                throw new CoopProblem(
                        ErrorCode.VALIDATION_FAILED,
                        "must be less than " + WebhookOutbox.MOST_REDELIVERED + " positions after fromPosition",
                        "toPosition");
            }
        }
        subscriptions.resume(subscription.subscriptionId());
        return ResponseEntity.accepted().body(new Redelivery(outbox.redeliver(subscription, from, to)));
    }

    @GetMapping(path = "/{subscriptionId}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "webhookDeliveries",
            summary = "A subscription's delivery log, the latest event first",
            description = "Each event queued for it: state (PENDING, DELIVERED, FAILED), attempts, the last answer's"
                    + " status and its first 1,024 bytes or the error, and when it is tried next. before: only"
                    + " events stored before that position (for the next page); at most 100.")
    public List<WebhookOutbox.Delivery> deliveries(
            @PathVariable String subscriptionId, @RequestParam(required = false) Long before, Authentication user) {
        UUID subscription = id(subscriptionId);
        subscriptions.get(subscription, reader(user));
        return outbox.log(subscription, before == null ? Long.MAX_VALUE : before);
    }
}
