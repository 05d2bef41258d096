package se.coop.command.contacts;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
import se.coop.api.contact.OldAddresses;
import se.coop.api.reminder.ReferRecipient;
import se.coop.api.reminder.ReminderPlanId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The command side's state naming a contact by address, from events written before the contact register: the
 * planning sagas' meetings (their stored state is rewritten to the contact) and the reminder plans still to issue
 * (sent {@link ReferRecipient}, whose event holds the contact and not the address). On every node, since any node may
 * correct or erase.
 */
@Component
class ContactPlans implements OldAddresses {

    private final JdbcTemplate jdbc;
    /** Looked up when first needed: with the gateway made eagerly, a due db-scheduler timer was left unpicked. */
    private final ObjectProvider<CommandGateway> commands;

    private final JsonMapper json = JsonMapper.builder().build();

    ContactPlans(JdbcTemplate jdbc, ObjectProvider<CommandGateway> commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @Override
    public void refer(String address, ContactId contact) {
        String lowered = Contact.key(address);
        jdbc.query(
                "SELECT saga_id, serialized_saga FROM saga_entry WHERE position('\\x40'::bytea in serialized_saga) > 0",
                (ResultSet rs) -> {
                    JsonNode saga = json.readTree(new String(rs.getBytes(2), StandardCharsets.UTF_8));
                    if (refer(saga, lowered, contact.toString())) {
                        jdbc.update(
                                "UPDATE saga_entry SET serialized_saga = ? WHERE saga_id = ?",
                                json.writeValueAsBytes(saga),
                                rs.getString(1));
                    }
                });
        for (String plan : jdbc.queryForList(
                "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE type = 'ReminderPlan'"
                        + " AND (strpos(convert_from(payload, 'UTF8'), ?) > 0"
                        + " OR strpos(lower(convert_from(payload, 'UTF8')), ?) > 0)",
                String.class,
                "\"" + address + "\"",
                "\"" + lowered + "\"")) {
            commands.getObject().sendAndWait(new ReferRecipient(ReminderPlanId.of(plan), address, contact));
        }
    }

    /**
     * Every object in {@code node} naming the address ({@code "email"}) and no contact is referred to the contact
     * instead; whether any was.
     */
    private static boolean refer(JsonNode node, String lowered, String contactId) {
        boolean referred = false;
        if (node instanceof ObjectNode object
                && object.path("email").isString()
                && object.path("contactId").isMissingNode()
                && Contact.key(object.get("email").asString()).equals(lowered)) {
            object.remove("email");
            object.put("contactId", contactId);
            referred = true;
        }
        for (JsonNode child : node) {
            referred |= refer(child, lowered, contactId);
        }
        return referred;
    }
}
