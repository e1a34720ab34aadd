package io.ticklake.streams.live;

import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.query.KpiUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands provisional KPIs to in-process listeners, decoupled from the exactly-once commit: every
 * {@code intervalMs} one round drains the {@link ChangedMinutes} the stream threads marked, reads the
 * current KPIs of those windows from this instance's stores (uncommitted changes included) and gives
 * them to every listener. Nothing queues between rounds but the bounded set of changed minutes, so a
 * slow listener delays the next round and the changes meanwhile coalesce to the newest values.
 *
 * <p>Only windows of partitions active here are read; a minute whose partition moved or restores is
 * skipped (its committed KPI still reaches the {@code stock-kpis} readers). Changes are recorded only
 * while the rounds run and a listener is registered.
 */
public final class ProvisionalPublisher implements AutoCloseable {

    /** Reads the current KPIs of a changed minute; throws {@link KpiUnavailableException} to skip it. */
    @FunctionalInterface
    public interface Reader {
        List<WindowKpi> read(ChangedMinutes.Change change);
    }

    /** A registered listener; {@link #close()} removes it. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionalPublisher.class);

    private final ChangedMinutes changes;
    private final long intervalMs;
    private final List<ProvisionalKpiListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private ScheduledExecutorService rounds;
    private volatile Reader reader;
    private boolean closed;

    public ProvisionalPublisher(ChangedMinutes changes, long intervalMs) {
        if (intervalMs < 1) {
            throw new IllegalArgumentException("intervalMs must be at least 1, got " + intervalMs);
        }
        this.changes = changes;
        this.intervalMs = intervalMs;
    }

    /** Adds a listener; once the rounds run, changes are recorded for it. */
    public synchronized Registration subscribe(ProvisionalKpiListener listener) {
        listeners.add(listener);
        updateRecording();
        return () -> unsubscribe(listener);
    }

    private synchronized void unsubscribe(ProvisionalKpiListener listener) {
        listeners.remove(listener);
        updateRecording();
    }

    /** Record changes only when something drains them and someone wants them: never fill the set for nothing. */
    private void updateRecording() {
        changes.enabled(rounds != null && !closed && !listeners.isEmpty());
    }

    /** Starts the rounds on a daemon thread of their own, reading with {@code reader}. A second call is ignored. */
    public synchronized void start(Reader reader) {
        if (rounds != null || closed) {
            return;
        }
        this.reader = reader;
        rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ticklake-provisional-kpis");
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::roundQuietly, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        updateRecording();
    }

    /**
     * One round: drains the changed minutes, reads their KPIs and hands them to every listener;
     * returns how many KPIs were handed over. The scheduled rounds call it; tests call it directly.
     */
    public int round() {
        Reader current = reader;
        List<ChangedMinutes.Change> changed = changes.drain();
        if (current == null || changed.isEmpty() || listeners.isEmpty()) {
            return 0;
        }
        List<WindowKpi> kpis = new ArrayList<>(changed.size() * 4);
        for (ChangedMinutes.Change change : changed) {
            try {
                kpis.addAll(current.read(change));
            } catch (KpiUnavailableException e) {
                skipped.incrementAndGet();
            }
        }
        if (kpis.isEmpty()) {
            return 0;
        }
        List<WindowKpi> handed = List.copyOf(kpis);
        for (ProvisionalKpiListener listener : listeners) {
            try {
                listener.onProvisional(handed);
            } catch (RuntimeException e) {
                LOG.warn("A provisional KPI listener failed; it stays registered", e);
            }
        }
        published.addAndGet(handed.size());
        return handed.size();
    }

    private void roundQuietly() {
        try {
            round();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: keep the rounds going
            LOG.warn("A provisional KPI round failed", e);
        }
    }

    /** KPIs handed to the listeners so far (each counted once, whatever the number of listeners). */
    public long publishedCount() {
        return published.get();
    }

    /** Changed minutes dropped because too many waited (see {@link ChangedMinutes}). */
    public long droppedCount() {
        return changes.dropped();
    }

    /** Changed minutes skipped because their partition was not queryable here when the round ran. */
    public long skippedCount() {
        return skipped.get();
    }

    /** Stops the rounds; listeners get nothing more. */
    @Override
    public synchronized void close() {
        closed = true;
        updateRecording();
        if (rounds != null) {
            rounds.shutdownNow();
            try {
                rounds.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
