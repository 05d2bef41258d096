package se.coop.api.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.AgreementText;
import se.coop.api.FocusArea;
import se.coop.api.LocalizedText;
import se.coop.api.Term;

/** Revises a draft: a new text version, and/or corrected title, focus areas or term. Revising while awaiting approval returns the agreement to draft and voids the approvals of the old version. */
public record ReviseDraft(
        @TargetAggregateIdentifier AgreementId agreementId,
        AgreementText text,
        LocalizedText title,
        List<FocusArea> focusAreas,
        Term term,
        String note) {

    /** The same command naming its text as {@code described} (completed from the store, where Coop holds it). */
    public ReviseDraft withText(AgreementText described) {
        return new ReviseDraft(agreementId, described, title, focusAreas, term, note);
    }
}
