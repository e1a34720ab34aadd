package io.ticklake.simulator.run;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.inject.TestDataInjector;
import io.ticklake.simulator.tick.TickSink;
import io.ticklake.simulator.tick.TickSource;
import io.ticklake.simulator.tick.TickValidator;
import io.ticklake.simulator.time.EventTimePacer;
import io.ticklake.simulator.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run loop: pulls ticks from a source, drops (and counts) those that break the contract, paces
 * them to their event time when asked, passes them through the test-data injector, and hands them to
 * the sink; at the end it sends what the injector held back and flushes the sink, so a run that
 * stops (count, duration, end of source, or {@link #stop()}) loses nothing it accepted.
 * One run per instance, on the calling thread.
 */
public final class TickPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(TickPipeline.class);
    private static final int REJECTIONS_LOGGED = 10;

    private final TickSource source;
    private final TickSink sink;
    private final RunOptions options;
    private final Clock clock;
    private final EventTimePacer pacer;
    private final TestDataInjector injector;
    private final RunCounters counters = new RunCounters();
    private final Object stopLock = new Object();
    private volatile boolean stopRequested;
    private boolean finishing;
    private Thread runThread;

    public TickPipeline(TickSource source, TickSink sink, RunOptions options) {
        this(source, sink, options, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    public TickPipeline(TickSource source, TickSink sink, RunOptions options, Clock clock, Sleeper sleeper) {
        this.source = source;
        this.sink = sink;
        this.options = options;
        this.clock = clock;
        this.pacer = new EventTimePacer(clock, sleeper);
        this.injector = new TestDataInjector(options.injection());
    }

    /** Runs until the count, the duration, the end of the source or {@link #stop()}; then flushes. */
    public RunSummary run() {
        synchronized (stopLock) {
            runThread = Thread.currentThread();
        }
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        long deadlineMillis = options.duration() == null ? Long.MAX_VALUE
                : startedAt.toEpochMilli() + options.duration().toMillis();
        boolean pace = options.pace() && source.eventTimeIsWallClock();
        String endedBy = "stopped";
        try {
            while (!stopRequested) {
                if (options.maxTicks() > 0 && counters.generated.sum() >= options.maxTicks()) {
                    endedBy = "count";
                    break;
                }
                if (deadlineMillis != Long.MAX_VALUE && clock.millis() >= deadlineMillis) {
                    endedBy = "duration";
                    break;
                }
                Optional<StockTick> next = source.next();
                if (next.isEmpty()) {
                    endedBy = "source";
                    break;
                }
                StockTick tick = next.get();
                counters.generated.increment();
                Optional<String> violation = TickValidator.violation(tick);
                if (violation.isPresent()) {
                    reject(tick, violation.get());
                    continue;
                }
                if (pace) {
                    if (tick.getEventTime().toEpochMilli() >= deadlineMillis) {
                        endedBy = "duration";
                        break;
                    }
                    pacer.awaitEventTime(tick.getEventTime());
                }
                injector.accept(tick, sink);
            }
        } catch (InterruptedException | InterruptException e) {
            if (!stopRequested) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The run was interrupted", e);
            }
        } finally {
            synchronized (stopLock) {
                finishing = true;
            }
            // A stop() may have interrupted us; the flush below must still be able to wait.
            Thread.interrupted();
        }
        injector.finish(sink);
        sink.flush();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return new RunSummary(source.name(), startedAt, elapsed, counters.generated(), counters.rejected(),
                sink.stats(), injector.summary(), source.counters(), endedBy, source.endReason().orElse(null));
    }

    /** Asks the run to end: it stops taking ticks, sends what it holds, flushes and returns its summary. */
    public void stop() {
        synchronized (stopLock) {
            stopRequested = true;
            if (runThread != null && !finishing) {
                // Wakes a pacer or a poller that is sleeping.
                runThread.interrupt();
            }
        }
    }

    public RunCounters counters() {
        return counters;
    }

    public TickSink sink() {
        return sink;
    }

    public TestDataInjector injector() {
        return injector;
    }

    private void reject(StockTick tick, String violation) {
        long rejected = counters.rejected.sum();
        counters.rejected.increment();
        if (rejected < REJECTIONS_LOGGED) {
            LOG.warn("Not sending an invalid {} tick ({} #{}): {}", source.name(), tick.getSymbol(),
                    tick.getSequence(), violation);
        }
    }
}
