package se.coop.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one proposed amendment of an agreement's text. */
public record AmendmentId(@JsonValue UUID value) {

    public AmendmentId {
        Objects.requireNonNull(value, "AmendmentId needs a value");
    }

    /** Parses the canonical UUID form; anything else is refused. */
    @JsonCreator
    public static AmendmentId of(String value) {
        return new AmendmentId(IdParsing.uuid(value));
    }

    public static AmendmentId random() {
        return new AmendmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
