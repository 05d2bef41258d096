package se.coop.command.web;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.AgreementId;
import se.coop.api.CommandRefusedException;
import se.coop.api.ErrorCode;
import se.coop.api.PartyId;

/**
 * Runs one command the way the API promises: in one transaction, holding the agreement's lock so commands on one
 * agreement queue instead of colliding (also across nodes), checking {@code If-Match} against the stream, and storing
 * the answer under its {@code Idempotency-Key} together with the events.
 */
@Component
public class CommandExecutor {

    /** What to answer: the status, body and {@code Location}; {@code replayed} when it is a stored first answer. */
    public record Answer(int status, CommandResponse body, String location, boolean replayed) {}

    /**
     * What the caller asks for. {@code newAgreement} when the command starts a stream; {@code location} maps the id of
     * what the command creates to its {@code Location}, or is null for a command that creates nothing.
     */
    public record Request(
            AgreementId agreementId,
            Object command,
            PartyId actingFor,
            boolean newAgreement,
            Function<String, String> location,
            String fingerprint) {}

    private final CommandGateway commandGateway;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final EventStreams streams;
    private final IdempotencyStore idempotency;

    CommandExecutor(
            CommandGateway commandGateway,
            PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc,
            EventStreams streams,
            IdempotencyStore idempotency) {
        this.commandGateway = commandGateway;
        this.transaction = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.streams = streams;
        this.idempotency = idempotency;
    }

    public Answer execute(CommandContext context, Request request) {
        return transaction.execute(tx -> executeInTransaction(context, request));
    }

    private Answer executeInTransaction(CommandContext context, Request request) {
        String key = context.idempotencyKey();
        if (key != null) {
            idempotency.lock(context.user(), key);
            var stored = idempotency.find(context.user(), key);
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(request.fingerprint())) {
                    throw new CommandRefusedException(
                            ErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "Idempotency-Key '" + key + "' was already used for another request; use a new key"
                                    + " for a new request.");
                }
                return new Answer(
                        stored.get().status(), stored.get().body(), stored.get().location(), true);
            }
        }
        AgreementId agreementId = request.agreementId();
        long versionBefore = 0;
        if (!request.newAgreement()) {
            lockAgreement(agreementId);
            versionBefore = streams.head(agreementId)
                    .orElseThrow(() -> new CommandRefusedException(
                            ErrorCode.AGREEMENT_NOT_FOUND, "There is no agreement " + agreementId + "."))
                    .version();
            if (context.expectedVersion() != null && context.expectedVersion() != versionBefore) {
                throw new CommandRefusedException(
                        ErrorCode.VERSION_MISMATCH,
                        "The agreement is at version " + versionBefore + ", not " + context.expectedVersion()
                                + " as If-Match expects: someone changed it since you read it. Read it again and"
                                + " retry.",
                        "If-Match");
            }
        }
        Object result = commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(request.command()).andMetaData(metaData(context, request)));
        EventStreams.Head head = streams.head(agreementId)
                .orElseThrow(() -> new IllegalStateException("no events for " + agreementId + " after a command"));
        boolean creates = request.location() != null;
        String createdId = creates && result != null ? result.toString() : null;
        boolean created = creates && head.version() > versionBefore;
        Answer answer = new Answer(
                created ? 201 : 200,
                new CommandResponse(agreementId.toString(), createdId, head.version(), head.position()),
                created ? request.location().apply(createdId) : null,
                false);
        if (key != null) {
            idempotency.remember(
                    context.user(),
                    key,
                    new IdempotencyStore.StoredAnswer(
                            request.fingerprint(), answer.status(), answer.body(), answer.location()));
        }
        return answer;
    }

    private void lockAgreement(AgreementId agreementId) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {}, "agreement:" + agreementId);
    }

    private static Map<String, String> metaData(CommandContext context, Request request) {
        Map<String, String> metaData = new HashMap<>();
        metaData.put("actor", context.user());
        metaData.put("role", context.role());
        metaData.put("correlationId", context.correlationId());
        if (context.idempotencyKey() != null) {
            metaData.put("idempotencyKey", context.idempotencyKey());
        }
        if (request.actingFor() != null) {
            metaData.put("partyId", request.actingFor().toString());
        }
        return metaData;
    }
}
