package se.coop.app.histories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/**
 * Durable timers as a history sees them: each fires at its own time, in order, when the history's clock passes it —
 * also the ones already past when they were set, which {@code AggregateTestFixture} would not fire (Axon #2460). A
 * timer is kept only when the unit of work that set it commits, as a refused command sets none.
 */
final class ManualDeadlines extends AbstractDeadlineManager {

    record Timer(long order, Instant at, String name, DeadlineMessage<?> message, ScopeDescriptor scope) {}

    private final PriorityQueue<Timer> timers =
            new PriorityQueue<>(Comparator.comparing(Timer::at).thenComparingLong(Timer::order));
    private ScopeAwareProvider scopes;
    private long order;

    void scopes(ScopeAwareProvider scopes) {
        this.scopes = scopes;
    }

    @Override
    public String schedule(Instant at, String name, Object messageOrPayload, ScopeDescriptor scope) {
        DeadlineMessage<?> message =
                processDispatchInterceptors(GenericDeadlineMessage.asDeadlineMessage(name, messageOrPayload, at));
        String id = name + "-" + (++order);
        long position = order;
        runOnPrepareCommitOrNow(() -> timers.add(new Timer(position, at, name, message, scope)));
        return id;
    }

    @Override
    public void cancelSchedule(String name, String scheduleId) {
        timers.removeIf(t -> (t.name() + "-" + t.order()).equals(scheduleId));
    }

    @Override
    public void cancelAll(String name) {
        timers.removeIf(t -> t.name().equals(name));
    }

    @Override
    public void cancelAllWithinScope(String name, ScopeDescriptor scope) {
        timers.removeIf(t -> t.name().equals(name) && t.scope().equals(scope));
    }

    /** Forgets every timer: a new history begins. */
    void clear() {
        timers.clear();
    }

    List<Timer> pending() {
        List<Timer> pending = new ArrayList<>(timers);
        pending.sort(timers.comparator());
        return pending;
    }

    /** Fires every timer due until {@code until}, each with the clock at its own time, then moves the clock there. */
    void runUntil(Instant until, HistoryClock clock) {
        while (!timers.isEmpty() && !timers.peek().at().isAfter(until)) {
            Timer timer = timers.poll();
            if (timer.at().isAfter(clock.instant())) {
                clock.moveTo(timer.at());
            }
            fire(timer);
        }
        clock.moveTo(until);
    }

    private void fire(Timer timer) {
        DefaultUnitOfWork<DeadlineMessage<?>> unitOfWork = new DefaultUnitOfWork<>(timer.message());
        var result = unitOfWork.executeWithResult(() -> {
            scopes.provideScopeAwareStream(timer.scope())
                    .filter(component -> component.canResolve(timer.scope()))
                    .forEach(component -> {
                        try {
                            component.send(timer.message(), timer.scope());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            return null;
        });
        if (result.isExceptional()) {
            throw new AssertionError(
                    "timer " + timer.name() + " due " + timer.at() + " failed: " + result.exceptionResult(),
                    result.exceptionResult());
        }
    }
}
