package se.coop.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * How many parties an agreement needs (rule 1): at least two. Fewer left and it ends — on the day a party leaving makes
 * them fewer. The aggregate ends it then; the status read model knows the day from the notices given, so that an
 * agreement two parties share says when it ends as soon as one of them gives notice.
 */
public final class Membership {

    /** The fewest parties an agreement has. */
    public static final int MINIMUM = 2;

    private Membership() {}

    /** The day a party that gives notice on {@code givenOn} leaves: when its notice period of {@code months} has passed. */
    public static LocalDate leavesOn(LocalDate givenOn, int months) {
        return givenOn.plusMonths(months);
    }

    /** Whether {@code remaining} parties are too few for an agreement (it ends). */
    public static boolean tooFew(int remaining) {
        return remaining < MINIMUM;
    }

    /**
     * The day the notices given end the agreement: {@code active} parties are in it now, and those that gave notice leave
     * on {@code leaving}; the day the parties, leaving in that order, become too few — or none, when enough stay.
     */
    public static Optional<LocalDate> endedByNotices(int active, List<LocalDate> leaving) {
        int remaining = active;
        for (LocalDate day : leaving.stream().sorted().toList()) {
            remaining--;
            if (tooFew(remaining)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
