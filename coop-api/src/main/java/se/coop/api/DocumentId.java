package se.coop.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one document attached to an agreement. */
public record DocumentId(@JsonValue UUID value) {

    public DocumentId {
        Objects.requireNonNull(value, "DocumentId needs a value");
    }

    /** Parses the canonical UUID form; anything else is refused. */
    @JsonCreator
    public static DocumentId of(String value) {
        return new DocumentId(IdParsing.uuid(value));
    }

    public static DocumentId random() {
        return new DocumentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
