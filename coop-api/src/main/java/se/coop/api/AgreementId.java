package se.coop.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one agreement: the aggregate and its event stream. */
public record AgreementId(@JsonValue UUID value) {

    public AgreementId {
        Objects.requireNonNull(value, "AgreementId needs a value");
    }

    /** Parses the canonical UUID form; anything else is refused. */
    @JsonCreator
    public static AgreementId of(String value) {
        return new AgreementId(IdParsing.uuid(value));
    }

    public static AgreementId random() {
        return new AgreementId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
