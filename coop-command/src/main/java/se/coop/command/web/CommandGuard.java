package se.coop.command.web;

import java.time.Clock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import se.coop.api.AgreementId;
import se.coop.api.CommandRefusedException;
import se.coop.api.ErrorCode;
import se.coop.api.Origin;
import se.coop.api.command.AdoptByBoard;
import se.coop.api.command.AttachDocument;
import se.coop.api.command.DraftIntent;
import se.coop.api.command.ProposeAmendment;
import se.coop.api.command.RecordHeldReview;
import se.coop.api.command.ScheduleAnnualReview;
import se.coop.command.agreement.AgreementCache;

/**
 * The command's side of the API's promises, inside the command's own unit of work — whose transaction its events are
 * appended in: an {@code Idempotency-Key} seen before gets its first answer again (a reused key with another request,
 * 422); the agreement's lock is taken, so commands on one agreement queue instead of colliding, across nodes too;
 * {@code If-Match} is checked against the stream's version (which is also the version a kept agreement must stand at,
 * {@link AgreementCache}); the aggregate decides; and the answer is stored under its
 * key together with the events. Registered on the command bus where Axon is configured (coop-app's
 * {@code AxonConfiguration}); {@link CommandSender} hands it what the request asked for in the command's metadata
 * ({@link #controls}).
 */
public final class CommandGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String CONTROL = "coop.request.";
    private static final String AGREEMENT = CONTROL + "agreementId";
    private static final String NEW_AGREEMENT = CONTROL + "newAgreement";
    private static final String IF_MATCH = CONTROL + "ifMatch";
    private static final String LOCATION = CONTROL + "location";
    private static final String FINGERPRINT = CONTROL + "fingerprint";

    private final JdbcTemplate jdbc;
    private final EventStreams streams;
    private final IdempotencyStore idempotency;

    public CommandGuard(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.streams = new EventStreams(jdbc);
        this.idempotency = new IdempotencyStore(jdbc, clock);
    }

    /**
     * What the request asked of the command, as the metadata this guard reads (never stored with the events): the
     * agreement, {@code If-Match}, the {@code Location} of what it creates, and the request's fingerprint — its line and
     * body — that a retry under the same {@code Idempotency-Key} must match ({@link IdempotencyStore#fingerprint}).
     */
    static MetaData controls(CommandSender.Request request, CommandContext context, byte[] body) {
        IfMatch ifMatch = context.ifMatch();
        MetaData controls = MetaData.with(AGREEMENT, request.agreementId().toString())
                .and(NEW_AGREEMENT, Boolean.toString(request.command() instanceof DraftIntent))
                .and(FINGERPRINT, IdempotencyStore.fingerprint(context.request(), body));
        if (ifMatch != null) {
            controls = controls.and(IF_MATCH, ifMatch.encode());
        }
        if (request.locationPrefix() != null) {
            controls = controls.and(LOCATION, request.locationPrefix());
        }
        return controls;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        if (!metaData.containsKey(AGREEMENT)) {
            return chain.proceed();
        }
        Origin origin = Origin.of(metaData);
        String fingerprint = (String) metaData.get(FINGERPRINT);
        if (origin.idempotencyKey() != null) {
            idempotency.lock(origin.actor(), origin.idempotencyKey());
            var stored = idempotency.find(origin.actor(), origin.idempotencyKey());
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(fingerprint)) {
                    throw new CommandRefusedException(
                            ErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "Idempotency-Key '" + origin.idempotencyKey() + "' was already used for another request;"
                                    + " use a new key for a new request.");
                }
                return new CommandSender.Pending(new CommandSender.Answer(
                        stored.get().status(), stored.get().body(), stored.get().location(), true));
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
            // a kept agreement serves this command only if it stands at this head (another node may have moved it)
            AgreementCache.expect(unitOfWork, agreementId.toString(), versionBefore);
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
        CommandSender.Pending pending = new CommandSender.Pending(null);
        unitOfWork.onPrepareCommit(u -> pending.answer =
                answer(u, agreementId, before, command, result, (String) metaData.get(LOCATION), origin, fingerprint));
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
    private CommandSender.Answer answer(
            UnitOfWork<?> unitOfWork,
            AgreementId agreementId,
            long versionBefore,
            Object command,
            Object result,
            String locationPrefix,
            Origin origin,
            String fingerprint) {
        EventStreams.Head head = streams.head(agreementId)
                .orElseThrow(() -> new IllegalStateException("no events for " + agreementId + " after a command"));
        AgreementCache.committed(unitOfWork, agreementId.toString(), head.version());
        String createdId = locationPrefix != null && result != null ? result.toString() : null;
        boolean created = locationPrefix != null
                && head.version() > versionBefore
                && (createdId == null || createdId.equals(newId(command)));
        CommandSender.Answer answer = new CommandSender.Answer(
                created ? 201 : 200,
                new CommandResponse(agreementId.toString(), createdId, head.version(), head.position()),
                created ? locationPrefix + createdId : null,
                false);
        if (origin.idempotencyKey() != null) {
            idempotency.remember(
                    origin.actor(),
                    origin.idempotencyKey(),
                    new IdempotencyStore.StoredAnswer(fingerprint, answer.status(), answer.body(), answer.location()));
        }
        return answer;
    }
}
