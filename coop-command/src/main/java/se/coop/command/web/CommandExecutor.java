package se.coop.command.web;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.AgreementId;
import se.coop.api.CommandRefusedException;
import se.coop.api.ErrorCode;
import se.coop.api.PartyId;
import se.coop.api.command.AdoptByBoard;
import se.coop.api.command.AttachDocument;
import se.coop.api.command.DraftIntent;
import se.coop.api.command.ProposeAmendment;
import se.coop.api.command.RecordHeldReview;
import se.coop.api.command.ScheduleAnnualReview;

/**
 * Runs one command the way the API promises. It travels with what the request asked for ({@code If-Match}, the
 * {@code Idempotency-Key} and a fingerprint of the request) in its metadata; inside the command's own unit of work,
 * whose transaction the events are appended in, this interceptor takes the agreement's lock (so commands on one
 * agreement queue instead of colliding, across nodes too), checks the version, lets the aggregate decide, and stores
 * the answer under its key together with the events. Because Axon's unit of work owns the transaction, the event
 * processors are told of the events the moment they are committed.
 */
@Component
public class CommandExecutor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** What to answer: the status, body and {@code Location}; {@code replayed} when it is a stored first answer. */
    public record Answer(int status, CommandResponse body, String location, boolean replayed) {}

    /**
     * The answer as the command's result. It is known only once the events are appended, just before the unit of work
     * commits; the caller reads it after the commit.
     */
    private static final class Pending {
        private Answer answer;
    }

    /**
     * What the caller asks for. {@code newAgreement} when the command starts a stream; {@code locationPrefix} is the
     * {@code Location} of what the command creates without its id, or null for a command that creates nothing.
     */
    public record Request(
            AgreementId agreementId,
            Object command,
            PartyId actingFor,
            boolean newAgreement,
            String locationPrefix,
            String fingerprint) {}

    private static final String CONTROL = "coop.request.";
    private static final String AGREEMENT = CONTROL + "agreementId";
    private static final String NEW_AGREEMENT = CONTROL + "newAgreement";
    private static final String IF_MATCH = CONTROL + "ifMatch";
    private static final String LOCATION = CONTROL + "location";
    private static final String FINGERPRINT = CONTROL + "fingerprint";
    private static final String USER = "actor";
    private static final String KEY = "idempotencyKey";

    private final CommandGateway commandGateway;
    private final JdbcTemplate jdbc;
    private final EventStreams streams;
    private final IdempotencyStore idempotency;

    CommandExecutor(
            CommandGateway commandGateway, JdbcTemplate jdbc, EventStreams streams, IdempotencyStore idempotency) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.streams = streams;
        this.idempotency = idempotency;
    }

    public Answer execute(CommandContext context, Request request) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(USER, context.user());
        metaData.put("role", context.role());
        metaData.put("correlationId", context.correlationId());
        if (context.idempotencyKey() != null) {
            metaData.put(KEY, context.idempotencyKey());
        }
        if (request.actingFor() != null) {
            metaData.put("partyId", request.actingFor().toString());
        }
        metaData.put(AGREEMENT, request.agreementId().toString());
        metaData.put(NEW_AGREEMENT, Boolean.toString(request.newAgreement()));
        metaData.put(FINGERPRINT, request.fingerprint());
        if (context.ifMatch() != null) {
            metaData.put(IF_MATCH, context.ifMatch().encode());
        }
        if (request.locationPrefix() != null) {
            metaData.put(LOCATION, request.locationPrefix());
        }
        Pending pending = commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(request.command()).andMetaData(metaData));
        return pending.answer;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        if (!metaData.containsKey(AGREEMENT)) {
            return chain.proceed();
        }
        String user = (String) metaData.get(USER);
        String key = (String) metaData.get(KEY);
        String fingerprint = (String) metaData.get(FINGERPRINT);
        if (key != null) {
            idempotency.lock(user, key);
            var stored = idempotency.find(user, key);
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(fingerprint)) {
                    throw new CommandRefusedException(
                            ErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "Idempotency-Key '" + key + "' was already used for another request; use a new key"
                                    + " for a new request.");
                }
                Pending replayed = new Pending();
                replayed.answer = new Answer(
                        stored.get().status(), stored.get().body(), stored.get().location(), true);
                return replayed;
            }
        }
        AgreementId agreementId = AgreementId.of((String) metaData.get(AGREEMENT));
        IfMatch ifMatch = IfMatch.decode((String) metaData.get(IF_MATCH));
        long versionBefore = 0;
        if (Boolean.parseBoolean((String) metaData.get(NEW_AGREEMENT))) {
            if (ifMatch != null && !ifMatch.matches(null)) {
                throw new CommandRefusedException(
                        ErrorCode.VERSION_MISMATCH,
                        "If-Match " + ifMatch.spelled() + " cannot match: the list of agreements has no version of its"
                                + " own (only If-Match: * can).",
                        "If-Match");
            }
        } else {
            jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {}, "agreement:" + agreementId);
            versionBefore = streams.head(agreementId)
                    .orElseThrow(() -> new CommandRefusedException(
                            ErrorCode.AGREEMENT_NOT_FOUND, "There is no agreement " + agreementId + "."))
                    .version();
            if (ifMatch != null && !ifMatch.matches(versionBefore)) {
                throw new CommandRefusedException(
                        ErrorCode.VERSION_MISMATCH,
                        "The agreement is at version " + versionBefore + " (ETag \"" + versionBefore
                                + "\"), which If-Match "
                                + ifMatch.spelled() + " does not match (compared strongly: a weak W/ tag never"
                                + " matches): someone changed it since you read it, or the tag is not one Coop gave."
                                + " Read it again and retry.",
                        "If-Match");
            }
        }
        Object command = unitOfWork.getMessage().getPayload();
        Object result = chain.proceed();
        long before = versionBefore;
        Pending pending = new Pending();
        unitOfWork.onPrepareCommit(
                u -> pending.answer = answer(agreementId, before, command, result, metaData, user, key, fingerprint));
        return pending;
    }

    /**
     * The id a creating command brings, when it creates something new: a command that answers an id already there (the
     * same document attached again, the pending amendment proposed again) created nothing — 200, not 201.
     */
    private static String newId(Object command) {
        Object id = null;
        if (command instanceof DraftIntent c) {
            id = c.agreementId();
        } else if (command instanceof AdoptByBoard c) {
            id = c.decisionId();
        } else if (command instanceof ScheduleAnnualReview c) {
            id = c.reviewId();
        } else if (command instanceof RecordHeldReview c) {
            id = c.reviewId();
        } else if (command instanceof ProposeAmendment c) {
            id = c.amendmentId();
        } else if (command instanceof AttachDocument c) {
            id = c.documentId();
        }
        return id == null ? null : id.toString();
    }

    /** Runs after the events are appended, in their transaction: reads where the stream stands and keeps the answer. */
    private Answer answer(
            AgreementId agreementId,
            long versionBefore,
            Object command,
            Object result,
            MetaData metaData,
            String user,
            String key,
            String fingerprint) {
        EventStreams.Head head = streams.head(agreementId)
                .orElseThrow(() -> new IllegalStateException("no events for " + agreementId + " after a command"));
        String locationPrefix = (String) metaData.get(LOCATION);
        String createdId = locationPrefix != null && result != null ? result.toString() : null;
        boolean created = locationPrefix != null
                && head.version() > versionBefore
                && (createdId == null || createdId.equals(newId(command)));
        Answer answer = new Answer(
                created ? 201 : 200,
                new CommandResponse(agreementId.toString(), createdId, head.version(), head.position()),
                created ? locationPrefix + createdId : null,
                false);
        if (key != null) {
            idempotency.remember(
                    user,
                    key,
                    new IdempotencyStore.StoredAnswer(fingerprint, answer.status(), answer.body(), answer.location()));
        }
        return answer;
    }
}
