package se.coop.query.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.coop.query.readmodel.ProjectionStates;

/**
 * A rebuild's replay, taken directly: once its processor has been reset (tokens claimed by this node, tables emptied,
 * the previous copy kept), the event store is read here in large ordered chunks and each chunk is handed to the read
 * model's own event handlers — the very invoker its processor uses, dead-letter queue included: read once, each chunk
 * is split by segment, and a thread per segment (as the processor has) handles its part in one unit of work and one
 * transaction, which also moves the segment's token past the chunk, while the next chunk is read. The rows are those the
 * processor would write, since the same code writes them in the same order; what is left out is each segment
 * reading the whole store, and the processor's work per batch of 100 events.
 *
 * <p>The events carry no replay token and pass none of the processor's interceptors, so a handler cannot tell a
 * replay from live processing ({@code @DisallowReplay}, {@code ReplayStatus}): this is for the read models only, which
 * write the same rows either way; never for something that acts on an event, such as reminder delivery.
 *
 * <p>When the replay is done, or cannot go on (an error, this node stopping), the processor is started and carries on
 * from the last committed chunk as an ordinary replay; a node that dies meanwhile leaves its claims to expire, and
 * another node's processor does the same.
 */
@Component
class DirectReplay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DirectReplay.class);

    /** Events read and handled in one transaction. */
    static final int CHUNK = 2_000;

    private final EventStorageEngine reader;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final ProjectionStates states;
    private final ExecutorService runner = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "coop-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    /** Claims time out after 10 s unless renewed; a segment waiting for its next part renews its own. */
    private static final long EXTEND_CLAIM_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Set<String> replaying = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile boolean running;

    DirectReplay(
            ConnectionProvider connections,
            Serializer serializer,
            EventSchema schema,
            Configuration configuration,
            TransactionManager transactions,
            TokenStore tokenStore,
            ProjectionStates states) {
        this.reader = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .schema(schema)
                .batchSize(CHUNK)
                .build();
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.states = states;
    }

    /**
     * Replays the reset processor's read model from the first event, a thread per segment, then starts the processor
     * (asynchronously).
     */
    void replay(String name, StreamingEventProcessor processor) {
        if (!(processor instanceof AbstractEventProcessor events)) {
            processor.start();
            return;
        }
        EventHandlerInvoker invoker = events.eventHandlerInvoker();
        replaying.add(name);
        runner.execute(() -> {
            long started = System.nanoTime();
            try {
                long replayed = replay(name, invoker, claimed(name));
                log.info(
                        "Read model {} replayed {} events directly in {} ms",
                        name,
                        replayed,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                log.warn("The direct replay of read model {} stopped; its processor replays the rest", name, e);
            } finally {
                start(name, processor);
            }
        });
    }

    /** Whether this node is replaying the read model directly (its processor stopped until it is done). */
    boolean replaying(String name) {
        return replaying.contains(name);
    }

    private void start(String name, StreamingEventProcessor processor) {
        synchronized (replaying) {
            try {
                if (!stopping) {
                    processor.start();
                }
            } catch (RuntimeException e) {
                log.warn("The processor of read model {} did not start after its direct replay", name, e);
            } finally {
                replaying.remove(name);
            }
        }
    }

    /** Each segment's token before the reset; fetching them renews this node's claims. */
    private Map<Integer, TrackingToken> claimed(String name) {
        Map<Integer, TrackingToken> atReset = new HashMap<>();
        transactions.executeInTransaction(() -> {
            for (int segment : tokenStore.fetchSegments(name)) {
                TrackingToken token = tokenStore.fetchToken(name, segment);
                atReset.put(segment, token instanceof ReplayToken replay ? replay.getTokenAtReset() : token);
            }
        });
        return atReset;
    }

    /** A chunk's events of one segment, and the position the segment's token moves to with them. */
    private record Part(List<EventMessage<?>> events, TrackingToken advanced) {}

    private static final Part END = new Part(List.of(), null);

    /**
     * Reads the store once, chunk by chunk up to the rebuild's target (the head when the rebuild began), and hands each
     * segment its part of every chunk: its handler thread writes one part while the next chunk is read. What came after
     * the target is the processor's, started once every part is written. Answers the number of events handled.
     */
    private long replay(String name, EventHandlerInvoker invoker, Map<Integer, TrackingToken> atReset)
            throws InterruptedException {
        long target = states.rebuildTarget(name);
        long upTo = target == ProjectionStates.TARGET_NOT_YET ? Long.MAX_VALUE : target;
        int[] ids = atReset.keySet().stream().mapToInt(Integer::intValue).toArray();
        AtomicBoolean abandoned = new AtomicBoolean();
        Map<Segment, BlockingQueue<Part>> parts = new LinkedHashMap<>();
        List<Future<Long>> handlers = new ArrayList<>();
        for (int id : ids) {
            Segment segment = Segment.computeSegment(id, ids);
            BlockingQueue<Part> queue = new ArrayBlockingQueue<>(2);
            parts.put(segment, queue);
            handlers.add(runner.submit(() -> {
                try {
                    return handleParts(name, invoker, segment, queue, abandoned);
                } catch (Throwable e) {
                    abandoned.set(true);
                    throw e;
                }
            }));
        }
        try {
            TrackingToken position = null;
            while (!stopping && !abandoned.get()) {
                List<? extends TrackedEventMessage<?>> chunk;
                try (Stream<? extends TrackedEventMessage<?>> stream = reader.readEvents(position, false)) {
                    chunk = stream.takeWhile(
                                    event -> event.trackingToken().position().orElse(0) <= upTo)
                            .limit(CHUNK)
                            .toList();
                }
                if (chunk.isEmpty()) {
                    break;
                }
                position = chunk.get(chunk.size() - 1).trackingToken();
                for (Map.Entry<Segment, BlockingQueue<Part>> segment : parts.entrySet()) {
                    List<EventMessage<?>> ours = new ArrayList<>();
                    for (TrackedEventMessage<?> event : chunk) {
                        if (invoker.canHandle(event, segment.getKey())) {
                            ours.add(event);
                        }
                    }
                    TrackingToken advanced = ReplayToken.createReplayToken(
                            atReset.get(segment.getKey().getSegmentId()), position);
                    hand(segment.getValue(), new Part(ours, advanced), abandoned);
                }
            }
            for (BlockingQueue<Part> queue : parts.values()) {
                hand(queue, END, abandoned);
            }
        } catch (RuntimeException | Error | InterruptedException e) {
            abandoned.set(true);
            throw e;
        } finally {
            // the processor starts only once no handler thread writes any more
            for (Future<Long> handler : handlers) {
                try {
                    handler.get();
                } catch (ExecutionException e) {
                    abandoned.set(true);
                }
            }
        }
        long handled = 0;
        for (Future<Long> handler : handlers) {
            try {
                handled += handler.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(e.getCause());
            }
        }
        return handled;
    }

    /** Queues a part for its segment's handler, unless the replay has been abandoned. */
    private static void hand(BlockingQueue<Part> queue, Part part, AtomicBoolean abandoned)
            throws InterruptedException {
        while (!queue.offer(part, 100, TimeUnit.MILLISECONDS)) {
            if (abandoned.get()) {
                throw new IllegalStateException("a segment's replay stopped");
            }
        }
    }

    /** One segment's handler thread: each part in a transaction that moves the segment's token with it. */
    private long handleParts(
            String name,
            EventHandlerInvoker invoker,
            Segment segment,
            BlockingQueue<Part> queue,
            AtomicBoolean abandoned)
            throws InterruptedException {
        long handled = 0;
        long claimed = System.nanoTime();
        while (!abandoned.get()) {
            Part part = queue.poll(100, TimeUnit.MILLISECONDS);
            if (part == END) {
                break;
            }
            if (part == null) {
                // waiting for the next part (the other segment's part is slow): the claim must not time out meanwhile
                if (System.nanoTime() - claimed > EXTEND_CLAIM_NANOS) {
                    transactions.executeInTransaction(() -> tokenStore.extendClaim(name, segment.getSegmentId()));
                    claimed = System.nanoTime();
                }
                continue;
            }
            Runnable commit = () -> tokenStore.storeToken(part.advanced(), name, segment.getSegmentId());
            if (part.events().isEmpty()) {
                transactions.executeInTransaction(commit);
            } else {
                handle(name, invoker, segment, part.events(), commit);
            }
            handled += part.events().size();
            claimed = System.nanoTime();
        }
        return handled;
    }

    /** A chunk's events of one segment in one unit of work and transaction, which {@code commit} joins. */
    private void handle(
            String name, EventHandlerInvoker invoker, Segment segment, List<EventMessage<?>> events, Runnable commit) {
        UnitOfWork<EventMessage<?>> unit = new BatchingUnitOfWork<>(events);
        // as the processor's segment does: read models key their per-segment state by it (FailureIsolation)
        unit.resources().put("Processor[" + name + "]/SegmentId", segment.getSegmentId());
        unit.attachTransaction(transactions);
        unit.onPrepareCommit(committing -> commit.run());
        ResultMessage<?> result = unit.executeWithResult(
                () -> {
                    invoker.handle(unit.getMessage(), segment);
                    return null;
                },
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        synchronized (replaying) {
            stopping = true;
        }
        running = false;
        runner.shutdownNow();
        try {
            // a replay's open transaction ends (rolled back) before the processors stop
            runner.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the processors (which stop in Axon's phase), so that none is started while they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
