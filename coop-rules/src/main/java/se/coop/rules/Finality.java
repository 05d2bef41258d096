package se.coop.rules;

import java.time.LocalDate;

/**
 * Whether a Swedish board decision is legally final (laga kraft, rule 12), and from which day: {@code FINAL} from a
 * day; {@code PENDING} while an appeal against it is lodged and not ruled on; {@code UNKNOWN} while its minutes have
 * not been posted (no window runs); {@code ANNULLED} when a court annulled it — it never becomes final.
 */
public record Finality(Kind kind, LocalDate from) {

    public enum Kind {
        FINAL,
        PENDING,
        UNKNOWN,
        ANNULLED
    }

    static Finality finalFrom(LocalDate day) {
        return new Finality(Kind.FINAL, day);
    }

    static Finality of(Kind kind) {
        return new Finality(kind, null);
    }

    /** Final on {@code day}. */
    public boolean finalOn(LocalDate day) {
        return kind == Kind.FINAL && !from.isAfter(day);
    }
}
