package se.coop.command.agreement;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import se.coop.api.CommandRefusedException;
import se.coop.api.ErrorCode;

/** Matches a refusal by its stable error code. */
final class Refusals {

    private Refusals() {}

    static Matcher<CommandRefusedException> refusedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRefusedException refusal) {
                return refusal.errorCode() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with error code " + code);
            }

            @Override
            protected void describeMismatchSafely(CommandRefusedException refusal, Description mismatch) {
                mismatch.appendText("was " + refusal.errorCode() + ": " + refusal.getMessage());
            }
        };
    }
}
