package se.coop.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.LinkType;

/** Links the agreement to another cooperation, in Coop or known only by its title (rule 14). */
public record LinkAgreement(
        @TargetAggregateIdentifier AgreementId agreementId,
        LinkType type,
        AgreementId otherAgreementId,
        String otherTitle) {}
