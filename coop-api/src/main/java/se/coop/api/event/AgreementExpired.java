package se.coop.api.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;

/** The agreement's end date passed. */
@Revision("1")
public record AgreementExpired(AgreementId agreementId, LocalDate endedOn) implements AgreementEvent {}
