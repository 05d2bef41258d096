package se.coop.command.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import se.coop.api.AgreementId;
import se.coop.api.Origin;
import se.coop.api.PartyId;

/**
 * Sends one command from a request and waits for its answer: who sent it ({@link Origin}, recorded with its events) and
 * what the request asked for ({@link CommandGuard#controls}) travel in the command's metadata; {@link CommandGuard}
 * does the rest inside the command's unit of work, and the answer is read once that has committed.
 */
@Component
public class CommandSender {

    /** What to answer: the status, body and {@code Location}; {@code replayed} when it is a stored first answer. */
    public record Answer(int status, CommandResponse body, String location, boolean replayed) {}

    /** The command's result: its answer, known once the events are appended, read after the commit. */
    static final class Pending {
        Answer answer;

        Pending(Answer answer) {
            this.answer = answer;
        }
    }

    /**
     * A command on an agreement: for a party ({@code actingFor}, or null), and — when it creates something — the
     * {@code Location} of what it creates, without its id ({@code locationPrefix}, or null).
     */
    public record Request(AgreementId agreementId, Object command, PartyId actingFor, String locationPrefix) {

        public static Request on(AgreementId agreementId, Object command) {
            return new Request(agreementId, command, null, null);
        }

        public Request actingFor(PartyId party) {
            return new Request(agreementId, command, party, locationPrefix);
        }

        public Request creatingUnder(String prefix) {
            return new Request(agreementId, command, actingFor, prefix);
        }
    }

    private final CommandGateway commandGateway;

    CommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /**
     * Sends the command and waits until its unit of work has committed (or refused it); {@code body} is the request's
     * body as JSON, which with the request line identifies a retry.
     */
    public Answer send(CommandContext context, Request request, byte[] body) {
        Origin origin = new Origin(
                context.user(),
                context.role(),
                request.actingFor() == null ? null : request.actingFor().toString(),
                context.idempotencyKey(),
                context.correlationId(),
                context.userParties().isEmpty() ? null : String.join(",", context.userParties()));
        Pending pending = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(request.command())
                .andMetaData(origin.toMetaData())
                .andMetaData(CommandGuard.controls(request, context, body)));
        return pending.answer;
    }
}
