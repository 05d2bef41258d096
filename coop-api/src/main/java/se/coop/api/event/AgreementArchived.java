package se.coop.api.event;

import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;

/** The agreement was archived and is read-only from now on (rule 9). */
@Revision("1")
public record AgreementArchived(AgreementId agreementId) implements AgreementEvent {}
