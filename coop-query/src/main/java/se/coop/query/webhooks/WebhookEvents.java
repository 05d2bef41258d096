package se.coop.query.webhooks;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.event.AgreementEvent;
import se.coop.query.reminders.PublicAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a webhook delivery carries: the stored event as a CloudEvents 1.0 event in structured JSON mode, made when it is
 * sent (a redelivery after a contact's erasure carries nothing erased). {@code id} is the event's own id (so the same
 * on every attempt), {@code source} the agreement's URI, {@code type} {@code se.coop.agreement.<EventName>},
 * {@code subject} the agreement's id, {@code time} when it was stored, {@code data} the event's fields as the API names
 * them with no contact ids and no e-mail addresses — fields holding them left out, an address within a text replaced
 * by {@link #ADDRESS_LEFT_OUT} (persons only by name, office and party) — and Coop's position and
 * chain hash as the extension attributes {@code coopposition} and {@code coopchainhash} (docs/integration.md).
 */
@Component
public class WebhookEvents {

    public static final String TYPE_PREFIX = "se.coop.agreement.";

    /** A ping's type: no event of an agreement, a test of the endpoint. */
    public static final String PING = "se.coop.webhook.ping";

    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private final EventStore store;
    private final JdbcTemplate jdbc;
    private final PublicAddress address;
    private final JsonMapper json = JsonMapper.builder().build();

    WebhookEvents(EventStore store, JdbcTemplate jdbc, PublicAddress address) {
        this.store = store;
        this.jdbc = jdbc;
        this.address = address;
    }

    /** The CloudEvent of the event stored at {@code position}, as JSON bytes. */
    public byte[] cloudEvent(long position) {
        Map<String, Object> stored = jdbc.queryForMap(
                "SELECT aggregate_identifier, sequence_number FROM domain_event_entry WHERE global_index = ?",
                position);
        String agreementId = (String) stored.get("aggregate_identifier");
        long sequence = ((Number) stored.get("sequence_number")).longValue();
        DomainEventStream stream = store.readEvents(agreementId, sequence);
        if (!stream.hasNext()) {
            throw new IllegalStateException("the event at position " + position + " cannot be read");
        }
        DomainEventMessage<?> message = stream.next();
        if (!(message.getPayload() instanceof AgreementEvent event)) {
            throw new IllegalStateException("the event at position " + position + " is not an agreement's event");
        }
        Object chainHash = message.getMetaData().get("chainHash");
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withSource(URI.create(address.base() + "/api/v1/agreements/" + agreementId))
                .withType(TYPE_PREFIX + event.getClass().getSimpleName())
                .withSubject(agreementId)
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.writeValueAsBytes(data(event)))
                .withExtension("coopposition", Long.toString(position));
        if (chainHash != null) {
            builder.withExtension("coopchainhash", chainHash.toString());
        }
        CloudEvent cloudEvent = builder.build();
        return FORMAT.serialize(cloudEvent);
    }

    /** A ping for a subscription: a signed CloudEvent of type {@code se.coop.webhook.ping} and an id of its own. */
    public byte[] ping(WebhookSubscriptions.Subscription subscription, String id, java.time.Instant at) {
        ObjectNode data = json.createObjectNode();
        data.put("subscriptionId", subscription.subscriptionId().toString());
        data.put("message", "A ping from Coop: this endpoint receives its events.");
        return FORMAT.serialize(CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(address.base() + "/api/v1/webhooks/" + subscription.subscriptionId()))
                .withType(PING)
                .withSubject(subscription.subscriptionId().toString())
                .withTime(at.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.writeValueAsBytes(data))
                .build());
    }

    /** The event's fields as the API names them, without contact ids or e-mail addresses anywhere in it. */
    JsonNode data(AgreementEvent event) {
        JsonNode tree = json.valueToTree(event);
        withoutContacts(tree);
        return tree;
    }

    /** An e-mail address within any text (a meeting's place, a reason): left out of the text. */
    private static final Pattern ADDRESS =
            Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");

    /** What an address in a text is replaced by. */
    public static final String ADDRESS_LEFT_OUT = "(e-mail address left out)";

    private static void withoutContacts(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            for (String name : names) {
                String lower = name.toLowerCase(Locale.ROOT);
                JsonNode value = object.get(name);
                if (lower.endsWith("contactid") || lower.endsWith("contactids") || lower.endsWith("email")) {
                    object.remove(name);
                } else if (value.isString()) {
                    object.put(name, scrubbed(value.asString()));
                } else {
                    withoutContacts(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isString()) {
                    array.set(i, array.stringNode(scrubbed(array.get(i).asString())));
                } else {
                    withoutContacts(array.get(i));
                }
            }
        }
    }

    static String scrubbed(String text) {
        return text.indexOf('@') < 0 ? text : ADDRESS.matcher(text).replaceAll(ADDRESS_LEFT_OUT);
    }
}
