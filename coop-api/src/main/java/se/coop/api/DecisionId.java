package se.coop.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one board decision within an agreement. */
public record DecisionId(@JsonValue UUID value) {

    public DecisionId {
        Objects.requireNonNull(value, "DecisionId needs a value");
    }

    /** Parses the canonical UUID form; anything else is refused. */
    @JsonCreator
    public static DecisionId of(String value) {
        return new DecisionId(IdParsing.uuid(value));
    }

    public static DecisionId random() {
        return new DecisionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
