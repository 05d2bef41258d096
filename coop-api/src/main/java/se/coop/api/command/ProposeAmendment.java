package se.coop.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.AgreementText;
import se.coop.api.AmendmentId;

/** Proposes a new text version for an agreement in force; the old version stays in force until every party has approved the new one (rule 8). */
public record ProposeAmendment(
        @TargetAggregateIdentifier AgreementId agreementId,
        AmendmentId amendmentId,
        AgreementText text,
        String summary) {

    /** The same command naming its text as {@code described} (completed from the store, where Coop holds it). */
    public ProposeAmendment withText(AgreementText described) {
        return new ProposeAmendment(agreementId, amendmentId, described, summary);
    }
}
