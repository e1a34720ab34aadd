package io.ticklake.bench.peers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tick → result latency, measured the same way for every engine: the live load offers ticks to
 * {@link #sample}, which keeps about {@code perSecond} of them (with their send time); a checker thread asks
 * the engine's {@link KpiVisibility} every {@code pollNanos} whether each pending tick's symbol shows a KPI
 * whose {@code last_event_time} has reached the tick's event time, and records send → visible. Unlike a probe
 * that waits for one tick before sampling the next, several ticks can be pending, so an engine that answers
 * in batches seconds apart is sampled as often as a fast one.
 */
final class LatencyProbes implements AutoCloseable {

    /** A sampled tick. */
    private record Probe(String symbol, long eventTime, long sentNanos) {
    }

    /** A resolved probe. */
    private record Sample(long sentNanos, long latencyNanos) {
    }

    private final KpiVisibility visibility;
    private final long intervalNanos;
    private final long pollNanos;
    private final ConcurrentLinkedQueue<Probe> incoming = new ConcurrentLinkedQueue<>();
    private final List<Probe> pending = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<Long> readNanos = new ArrayList<>();
    private final Thread checker;
    private volatile boolean running = true;
    private long nextSampleNanos = System.nanoTime();

    LatencyProbes(KpiVisibility visibility, int perSecond, long pollNanos) {
        this.visibility = visibility;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.pollNanos = pollNanos;
        this.checker = new Thread(this::check, "latency-probes");
        this.checker.setDaemon(true);
        this.checker.start();
    }

    /** Called by the load thread for every tick it sends. */
    void sample(String symbol, long eventTime, long sentNanos) {
        if (sentNanos >= nextSampleNanos) {
            nextSampleNanos = sentNanos + intervalNanos;
            incoming.add(new Probe(symbol, eventTime, sentNanos));
        }
    }

    /** Waits (bounded) until no probe is pending; returns how many never became visible. */
    int drain(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (incoming.isEmpty() && pending.isEmpty()) {
                    return 0;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        synchronized (this) {
            return incoming.size() + pending.size();
        }
    }

    /** Latencies in ms of the ticks sent in {@code [fromNanos, toNanos)}, ascending. */
    synchronized double[] latenciesMillis(long fromNanos, long toNanos) {
        return samples.stream().filter(s -> s.sentNanos() >= fromNanos && s.sentNanos() < toNanos)
                .mapToDouble(s -> s.latencyNanos() / 1e6).sorted().toArray();
    }

    /** How long reading the engine's answer took per checking round, p50 and max in ms: the probe's own share. */
    synchronized double[] readMillis() {
        double[] sorted = readNanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        return new double[] {Stats.percentile(sorted, 50), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]};
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        checker.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void check() {
        while (running) {
            synchronized (this) {
                for (Probe probe; (probe = incoming.poll()) != null; ) {
                    pending.add(probe);
                }
                if (!pending.isEmpty()) {
                    resolvePending();
                }
            }
            LockSupport.parkNanos(pollNanos);
        }
    }

    private void resolvePending() {
        // one read per symbol per round (or one bulk read), however many probes wait for it
        Set<String> symbols = new HashSet<>();
        pending.forEach(probe -> symbols.add(probe.symbol()));
        long start = System.nanoTime();
        Map<String, Long> visible = visibility.lastEventTimes(symbols);
        long now = System.nanoTime();
        readNanos.add(now - start);
        for (Iterator<Probe> it = pending.iterator(); it.hasNext(); ) {
            Probe probe = it.next();
            long shown = visible.getOrDefault(probe.symbol(), KpiVisibility.NONE);
            if (shown != KpiVisibility.NONE && shown >= probe.eventTime()) {
                samples.add(new Sample(probe.sentNanos(), now - probe.sentNanos()));
                it.remove();
            }
        }
    }
}
