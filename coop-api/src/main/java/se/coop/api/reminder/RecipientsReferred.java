package se.coop.api.reminder;

import java.util.List;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.contact.ContactId;

/**
 * The plan's recipients at these places in its list, which an event written before the contact register named by
 * address, are referred to by this contact from now on (the address itself is not repeated).
 */
@Revision("1")
public record RecipientsReferred(
        ReminderPlanId planId, AgreementId agreementId, List<Integer> recipients, ContactId contactId)
        implements ReminderEvent {}
