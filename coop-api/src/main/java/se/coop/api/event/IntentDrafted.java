package se.coop.api.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementText;
import se.coop.api.FocusArea;
import se.coop.api.Funding;
import se.coop.api.LocalizedText;
import se.coop.api.Party;
import se.coop.api.Term;

/** An agreement was drafted with its parties, term, focus areas and first text version. */
@Revision("1")
public record IntentDrafted(
        AgreementId agreementId,
        LocalizedText title,
        AgreementKind kind,
        boolean binding,
        List<Party> parties,
        List<FocusArea> focusAreas,
        Term term,
        int reviewCadenceMonths,
        List<Integer> reminderOffsetsDays,
        Funding funding,
        int textVersion,
        AgreementText text)
        implements AgreementEvent {}
