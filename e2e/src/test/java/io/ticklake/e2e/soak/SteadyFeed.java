package io.ticklake.e2e.soak;

import io.ticklake.e2e.kafka.TickFeed;
import io.ticklake.schemas.StockTick;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the tick feed at a steady rate: a batch every {@link #PERIOD} on a fixed-rate schedule (a batch
 * that waits for acknowledgements through a fault delays the next ones, which then catch up). A failed
 * send stops the feed and is kept for {@link #stop()} to report.
 */
public final class SteadyFeed implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(250);

    private final TickFeed feed;
    private final int perBatch;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "soak-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong batches = new AtomicLong();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    /** @param ticksPerSecond source ticks a second (injected extras come on top) */
    public SteadyFeed(TickFeed feed, int ticksPerSecond) {
        this.feed = feed;
        this.perBatch = Math.max(1, (int) (ticksPerSecond * PERIOD.toMillis() / 1000));
    }

    public void start() {
        timer.scheduleAtFixedRate(() -> {
            try {
                feed.send(perBatch);
                batches.incrementAndGet();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                throw e; // ends the schedule
            }
        }, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once a send failed (the feed has stopped). */
    public boolean failed() {
        return failure.get() != null;
    }

    /** Source ticks sent so far. */
    public long sourceTicks() {
        return batches.get() * perBatch;
    }

    /** Stops after the batch in flight and fails if a send failed; returns every tick sent. */
    public List<StockTick> stop() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the tick feed did not stop within 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the tick feed", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the tick feed failed: " + failure.get().getMessage(), failure.get());
        }
        return feed.sent();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        feed.close();
    }
}
