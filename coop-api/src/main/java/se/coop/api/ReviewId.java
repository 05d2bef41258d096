package se.coop.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one review meeting (annual review or other meeting) within an agreement. */
public record ReviewId(@JsonValue UUID value) {

    public ReviewId {
        Objects.requireNonNull(value, "ReviewId needs a value");
    }

    /** Parses the canonical UUID form; anything else is refused. */
    @JsonCreator
    public static ReviewId of(String value) {
        return new ReviewId(IdParsing.uuid(value));
    }

    public static ReviewId random() {
        return new ReviewId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
