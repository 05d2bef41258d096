package se.coop.api.event;

import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.LinkType;

/** The agreement was linked to another cooperation (rule 14). */
@Revision("1")
public record AgreementLinked(AgreementId agreementId, LinkType type, AgreementId otherAgreementId, String otherTitle)
        implements AgreementEvent {}
