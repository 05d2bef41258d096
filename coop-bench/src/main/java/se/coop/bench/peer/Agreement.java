package se.coop.bench.peer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An agreement as a plain Axon aggregate: drafted, submitted, signed and adopted by each party (the last adoption
 * brings it into force), an annual review scheduled. Each command applies one event; the last adoption two, as in
 * Coop. Each command handler answers the sequence number of the last event it applied.
 */
@Aggregate
class Agreement {

    record Draft(String agreementId, String title, List<String> parties) {}

    record Submit(@TargetAggregateIdentifier String agreementId) {}

    record Sign(@TargetAggregateIdentifier String agreementId, String partyId, String textSha256, LocalDate signedOn) {}

    record Adopt(
            @TargetAggregateIdentifier String agreementId,
            String partyId,
            String textSha256,
            String body,
            LocalDate decidedOn,
            String caseNumber,
            String paragraph) {}

    record ScheduleReview(@TargetAggregateIdentifier String agreementId, OffsetDateTime startsAt, String location) {}

    record Drafted(String agreementId, String title, List<String> parties) {}

    record Submitted(String agreementId) {}

    record Signed(String agreementId, String partyId, String textSha256, LocalDate signedOn) {}

    record Adopted(
            String agreementId,
            String partyId,
            String textSha256,
            String body,
            LocalDate decidedOn,
            String caseNumber,
            String paragraph) {}

    record EnteredIntoForce(String agreementId, LocalDate on) {}

    record ReviewScheduled(String agreementId, OffsetDateTime startsAt, String location) {}

    /** A command the agreement's state refuses. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @AggregateIdentifier
    private String agreementId;

    private String state;
    private long sequence = -1;
    private final Set<String> parties = new HashSet<>();
    private final Set<String> signed = new HashSet<>();
    private final Set<String> adopted = new HashSet<>();

    Agreement() {}

    @CommandHandler
    Agreement(Draft command) {
        apply(new Drafted(command.agreementId(), command.title(), command.parties()));
    }

    @CommandHandler
    long handle(Submit command) {
        if (!"DRAFT".equals(state)) {
            throw new Refused("only a draft can be submitted");
        }
        apply(new Submitted(agreementId));
        return sequence;
    }

    @CommandHandler
    long handle(Sign command) {
        party(command.partyId());
        if (!"SUBMITTED".equals(state) || signed.contains(command.partyId())) {
            throw new Refused("not open for this party's signature");
        }
        apply(new Signed(agreementId, command.partyId(), command.textSha256(), command.signedOn()));
        return sequence;
    }

    @CommandHandler
    long handle(Adopt command) {
        party(command.partyId());
        if (!"SUBMITTED".equals(state) || adopted.contains(command.partyId())) {
            throw new Refused("not open for this party's adoption");
        }
        apply(new Adopted(
                agreementId,
                command.partyId(),
                command.textSha256(),
                command.body(),
                command.decidedOn(),
                command.caseNumber(),
                command.paragraph()));
        if (adopted.containsAll(parties) && signed.containsAll(parties)) {
            apply(new EnteredIntoForce(agreementId, command.decidedOn()));
        }
        return sequence;
    }

    @CommandHandler
    long handle(ScheduleReview command) {
        if (!"IN_FORCE".equals(state)) {
            throw new Refused("only an agreement in force is reviewed");
        }
        apply(new ReviewScheduled(agreementId, command.startsAt(), command.location()));
        return sequence;
    }

    private void party(String partyId) {
        if (!parties.contains(partyId)) {
            throw new Refused("no party " + partyId);
        }
    }

    @EventSourcingHandler
    void on(Drafted event) {
        agreementId = event.agreementId();
        parties.addAll(event.parties());
        state = "DRAFT";
        sequence++;
    }

    @EventSourcingHandler
    void on(Submitted event) {
        state = "SUBMITTED";
        sequence++;
    }

    @EventSourcingHandler
    void on(Signed event) {
        signed.add(event.partyId());
        sequence++;
    }

    @EventSourcingHandler
    void on(Adopted event) {
        adopted.add(event.partyId());
        sequence++;
    }

    @EventSourcingHandler
    void on(EnteredIntoForce event) {
        state = "IN_FORCE";
        sequence++;
    }

    @EventSourcingHandler
    void on(ReviewScheduled event) {
        sequence++;
    }
}
