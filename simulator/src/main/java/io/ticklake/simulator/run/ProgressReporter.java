package io.ticklake.simulator.run;

import io.ticklake.simulator.tick.SinkStats;
import io.ticklake.simulator.tick.TickSink;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Prints a progress line at a fixed interval while a run goes: ticks taken, sent and acknowledged,
 * the acknowledged rate over the last interval and overall, and errors. Runs on its own daemon
 * thread, so a stuck run still shows that it is stuck.
 */
public final class ProgressReporter implements AutoCloseable {

    private final RunCounters counters;
    private final TickSink sink;
    private final Consumer<String> out;
    private final ScheduledExecutorService timer;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;
    private long lastAcked;

    /** Starts handing a line to {@code out} every {@code interval}. */
    public ProgressReporter(RunCounters counters, TickSink sink, Consumer<String> out, Duration interval) {
        this.counters = counters;
        this.sink = sink;
        this.out = out;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulator-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::print, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void print() {
        out.accept(line(System.nanoTime()));
    }

    /** The progress line as of {@code nowNanos}; advances the interval rate's baseline. */
    synchronized String line(long nowNanos) {
        SinkStats stats = sink.stats();
        double sinceLast = (nowNanos - lastNanos) / 1e9;
        double sinceStart = (nowNanos - startNanos) / 1e9;
        double rate = sinceLast > 0 ? (stats.acked() - lastAcked) / sinceLast : 0;
        double average = sinceStart > 0 ? stats.acked() / sinceStart : 0;
        lastNanos = nowNanos;
        lastAcked = stats.acked();
        return String.format(Locale.ROOT, "progress: %6.1fs ticks=%d sent=%d acked=%d rate=%.0f/s avg=%.0f/s"
                        + " errors=%d rejected=%d", sinceStart, counters.generated(), stats.sent(), stats.acked(),
                rate, average, stats.failed(), counters.rejected());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
