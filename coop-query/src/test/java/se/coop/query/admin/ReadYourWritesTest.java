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
}
