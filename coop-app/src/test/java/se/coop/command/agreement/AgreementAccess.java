package se.coop.command.agreement;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import se.coop.api.AgreementId;
import se.coop.api.AgreementState;

/**
 * The generated histories' window on the {@link Agreement} aggregate, which is kept package-private in production: it
 * registers the aggregate with an in-memory Axon configuration and reads back the facts it acts on.
 */
public final class AgreementAccess {

    /** What the aggregate holds of one active party in the approval round under way. */
    public record PartyFacts(boolean approved, LocalDate legallyFinalFrom) {}

    /** What the aggregate acts on ({@link Agreement#facts()}). */
    public record Facts(
            AgreementState state,
            LocalDate effectiveFrom,
            LocalDate endedOn,
            LocalDate terminatesOn,
            int inForceVersion,
            Integer roundVersion,
            Map<String, PartyFacts> parties) {}

    private AgreementAccess() {}

    public static void register(Configurer configurer) {
        configurer.configureAggregate(Agreement.class);
    }

    /** Loads the aggregate from its events in a unit of work that is rolled back: nothing is written. */
    public static Facts facts(Configuration configuration, AgreementId agreementId) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Agreement.Facts facts = configuration
                    .repository(Agreement.class)
                    .load(agreementId.toString())
                    .invoke(Agreement::facts);
            Map<String, PartyFacts> parties = new LinkedHashMap<>();
            facts.parties()
                    .forEach((party, f) -> parties.put(party, new PartyFacts(f.approved(), f.legallyFinalFrom())));
            return new Facts(
                    facts.state(),
                    facts.effectiveFrom(),
                    facts.endedOn(),
                    facts.terminatesOn(),
                    facts.inForceVersion(),
                    facts.roundVersion(),
                    parties);
        } finally {
            unitOfWork.rollback();
        }
    }
}
