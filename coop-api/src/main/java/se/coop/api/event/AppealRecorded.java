package se.coop.api.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.AppealOutcome;
import se.coop.api.DecisionId;
import se.coop.api.PartyId;

/** An appeal against a Swedish board decision was lodged, dismissed or annulled the decision (rule 12). */
@Revision("1")
public record AppealRecorded(
        AgreementId agreementId,
        DecisionId decisionId,
        PartyId partyId,
        AppealOutcome outcome,
        LocalDate on,
        String court,
        String caseNumber)
        implements AgreementEvent {}
