package se.coop.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class ReadYourWritesTest {

    @Test
    void aPositionIsProcessedOnceTheTokenIsPastItAndDidNotSkipItAsAGap() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, new TreeSet<>(java.util.List.of(7L)));
        assertThat(ReadYourWrites.processed(token, 10)).isTrue();
        assertThat(ReadYourWrites.processed(token, 8)).isTrue();
        assertThat(ReadYourWrites.processed(token, 7))
                .as("a gap still to be filled")
                .isFalse();
        assertThat(ReadYourWrites.processed(token, 11)).isFalse();
        assertThat(ReadYourWrites.processed(null, 1)).isFalse();
    }

    @Test
    void aReplayingTokenCountsByWhereItHasReplayedTo() {
        GapAwareTrackingToken atReset = GapAwareTrackingToken.newInstance(20, new TreeSet<>());
        GapAwareTrackingToken replayedTo = GapAwareTrackingToken.newInstance(12, new TreeSet<>());
        var replaying = ((ReplayToken) ReplayToken.createReplayToken(atReset, null)).advancedTo(replayedTo);
        assertThat(ReadYourWrites.processed(replaying, 12)).isTrue();
        assertThat(ReadYourWrites.processed(replaying, 13)).isFalse();
    }

    /** An earlier event skipped as a gap holds a read back too, if it is stored (found by TwoNodesTest, issue 12). */
    @Test
    void theGapsUpToAPositionAreThoseAReadMustStillWaitFor() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, new TreeSet<>(java.util.List.of(3L, 7L)));
        assertThat(ReadYourWrites.gapsUpTo(token, 10)).containsExactly(3L, 7L);
        assertThat(ReadYourWrites.gapsUpTo(token, 5)).containsExactly(3L);
        assertThat(ReadYourWrites.gapsUpTo(token, 2)).isEmpty();
    }
}
