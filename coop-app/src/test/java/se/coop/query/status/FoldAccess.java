package se.coop.query.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import se.coop.api.BusinessTime;
import se.coop.api.query.AgreementStatusView;
import se.coop.query.readmodel.RecordedEvent;

/**
 * The generated histories' window on the status fold, kept package-private in production: the live, incremental
 * fold the projection keeps, a fold of a whole stream, and the {@code asOf} and {@code validOn} reads.
 */
public final class FoldAccess {

    private FoldAccess() {}

    /** A fold kept up to date event by event, as the live projection keeps it. */
    public static final class Live {

        private final StatusState state = new StatusState();

        public void apply(RecordedEvent event) {
            StatusFold.apply(state, event);
        }

        public AgreementStatusView render(Instant now) {
            return StatusRendering.render(state, now, BusinessTime.ZONE);
        }
    }

    public static AgreementStatusView foldAll(List<RecordedEvent> events, Instant now) {
        return StatusRendering.render(StatusFold.fold(events), now, BusinessTime.ZONE);
    }

    public static Optional<AgreementStatusView> asOf(List<RecordedEvent> events, Instant asOf) {
        return StatusFold.asOf(events, asOf);
    }

    public static AgreementStatusView validOn(List<RecordedEvent> events, LocalDate day) {
        return StatusFold.validOn(events, day);
    }
}
