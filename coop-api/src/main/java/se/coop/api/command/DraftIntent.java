package se.coop.api.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementText;
import se.coop.api.FocusArea;
import se.coop.api.Funding;
import se.coop.api.LocalizedText;
import se.coop.api.Party;
import se.coop.api.Term;

/** Starts an agreement as a draft: its parties with their required approvals, term, focus areas and first text version (rules 1, 2). */
public record DraftIntent(
        @TargetAggregateIdentifier AgreementId agreementId,
        LocalizedText title,
        AgreementKind kind,
        boolean binding,
        List<Party> parties,
        List<FocusArea> focusAreas,
        Term term,
        Integer reviewCadenceMonths,
        List<Integer> reminderOffsetsDays,
        Funding funding,
        AgreementText text) {

    /** The same command naming its text as {@code described} (completed from the store, where Coop holds it). */
    public DraftIntent withText(AgreementText described) {
        return new DraftIntent(
                agreementId,
                title,
                kind,
                binding,
                parties,
                focusAreas,
                term,
                reviewCadenceMonths,
                reminderOffsetsDays,
                funding,
                described);
    }
}
