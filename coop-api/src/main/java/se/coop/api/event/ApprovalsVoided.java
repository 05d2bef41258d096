package se.coop.api.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.PartyId;

/** A revision while awaiting approval returned the agreement to draft and voided every approval of the old text version. */
@Revision("1")
public record ApprovalsVoided(
        AgreementId agreementId, int textVersion, String textSha256, List<PartyId> partiesWithApprovals, String reason)
        implements AgreementEvent {}
