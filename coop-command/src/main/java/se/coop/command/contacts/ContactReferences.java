package se.coop.command.contacts;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import se.coop.api.command.RecordHeldReview;
import se.coop.api.command.ScheduleAnnualReview;
import se.coop.api.contact.Contacts;
import se.coop.api.reminder.PlanReminders;

/**
 * Before a command that names people by e-mail address is handled, puts each address in the contact register and
 * has the command refer to the contact instead, so the events it leads to hold the contact's id and never the
 * address: a meeting's reviewers, a reminder plan's recipients. Inside the command's unit of work, so a refused
 * command registers nothing. Registered on the command bus where Axon is configured (coop-app's
 * {@code AxonConfiguration}), after {@code CommandGuard}.
 */
public final class ContactReferences implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Contacts contacts;

    public ContactReferences(Contacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        Object referred = referred(payload);
        if (referred != payload) {
            unitOfWork.transformMessage(message -> new GenericCommandMessage<>(
                    new GenericMessage<>(message.getIdentifier(), referred, message.getMetaData()),
                    ((CommandMessage<?>) message).getCommandName()));
        }
        return chain.proceed();
    }

    private Object referred(Object payload) {
        if (payload instanceof ScheduleAnnualReview command && command.reviewers() != null) {
            return command.withReviewers(
                    command.reviewers().stream().map(contacts::refer).toList());
        }
        if (payload instanceof RecordHeldReview command && command.reviewers() != null) {
            return command.withReviewers(
                    command.reviewers().stream().map(contacts::refer).toList());
        }
        if (payload instanceof PlanReminders command && command.recipients() != null) {
            return command.withRecipients(
                    command.recipients().stream().map(contacts::refer).toList());
        }
        return payload;
    }
}
