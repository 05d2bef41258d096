package se.coop.api.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.AgreementText;
import se.coop.api.FocusArea;
import se.coop.api.LocalizedText;
import se.coop.api.Term;

/** A draft was revised. {@code newTextVersion} is false when only title, focus areas or term changed (rule 15); fields left null are unchanged. */
@Revision("1")
public record DraftRevised(
        AgreementId agreementId,
        int textVersion,
        boolean newTextVersion,
        AgreementText text,
        LocalizedText title,
        List<FocusArea> focusAreas,
        Term term,
        String note)
        implements AgreementEvent {}
