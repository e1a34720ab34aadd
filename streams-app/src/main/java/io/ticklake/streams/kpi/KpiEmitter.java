package io.ticklake.streams.kpi;

import io.ticklake.schemas.WindowKpi;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Turns each 1-minute candle the window aggregation forwards into the KPIs written to
 * {@code stock-kpis}: the 1-minute KPI with its moving averages, and the rollups (5m, 15m, 1h, ...)
 * merged from the 1-minute candles, never re-aggregated from ticks.
 *
 * <p>It reads the candles from a history store of its own, which it writes with every candle it
 * receives, not from the aggregation's store: the aggregation forwards while flushing its record
 * cache, and reading that same caching store from inside the flush takes its locks in the opposite
 * order of an interactive query on it, which can deadlock. The history store has no record cache,
 * and holds exactly the candles forwarded so far.
 *
 * <p>In {@link EmitMode#UPDATE} every rollup holding the minute is recomputed and emitted with it.
 * In {@link EmitMode#FINAL} the aggregation forwards each minute once, when it closes, in window
 * order; a rollup is emitted once, when its last minute has closed: at the symbol's own final of
 * that minute, or, if the symbol did not trade then, at the first final of a later minute in the
 * task. Open rollups
 * wait in the pending store ({@code symbol|size} to window start), which is changelogged, so each is
 * emitted exactly once across crashes.
 */
public final class KpiEmitter implements Processor<Windowed<String>, Candle, String, WindowKpi> {

    private final String historyStoreName;
    private final String pendingStoreName;
    private final List<KpiWindow> rollups;
    private final EmitMode mode;
    private ProcessorContext<String, WindowKpi> context;
    private TimestampedWindowStore<String, Candle> candles;
    private KeyValueStore<String, Long> pending;
    private long lastScannedMinute = ConsumerRecord.NO_TIMESTAMP;

    /**
     * @param historyStoreName a timestamped window store of 1-minute candles, without record cache
     * @param pendingStoreName the pending-rollup store; used in {@link EmitMode#FINAL} only
     */
    public KpiEmitter(String historyStoreName, String pendingStoreName, List<KpiWindow> rollups, EmitMode mode) {
        this.historyStoreName = historyStoreName;
        this.pendingStoreName = pendingStoreName;
        this.rollups = List.copyOf(rollups);
        this.mode = mode;
    }

    @Override
    public void init(ProcessorContext<String, WindowKpi> context) {
        this.context = context;
        this.candles = context.getStateStore(historyStoreName);
        this.pending = mode == EmitMode.FINAL ? context.getStateStore(pendingStoreName) : null;
    }

    @Override
    public void process(Record<Windowed<String>, Candle> record) {
        String symbol = record.key().key();
        long start = record.key().window().start();
        candles.put(symbol, ValueAndTimestamp.make(record.value(), record.timestamp()), start);
        MinuteSeries series = MinuteSeries.around(candles, symbol, start, rollups);
        emit(KpiFactory.minute(symbol, start, series));
        if (mode == EmitMode.UPDATE) {
            for (KpiWindow window : rollups) {
                emit(KpiFactory.rollup(symbol, window, window.startOf(start), series));
            }
        } else {
            trackRollups(symbol, start, series);
            emitDueRollups(start);
        }
    }

    /** Final mode: emit the rollups this closed minute completes, queue the ones it opens. */
    private void trackRollups(String symbol, long start, MinuteSeries series) {
        long closedUpTo = start + KpiWindow.MINUTE_MS;
        for (KpiWindow window : rollups) {
            long windowStart = window.startOf(start);
            String key = pendingKey(symbol, window);
            Long waiting = pending.get(key);
            if (waiting != null && waiting < windowStart) {
                // an earlier window of the symbol: it ended before this minute, so it is closed
                emitRollup(symbol, window, waiting);
            }
            if (windowStart + window.sizeMs() <= closedUpTo) {
                emit(KpiFactory.rollup(symbol, window, windowStart, series));
                if (waiting != null) {
                    pending.delete(key);
                }
            } else if (waiting == null || waiting != windowStart) {
                pending.put(key, windowStart);
            }
        }
    }

    /**
     * Final mode: emit every pending rollup that ended at or before {@code minuteStart}. Finals
     * arrive in window order, so when the first final of a minute arrives every earlier minute has
     * been delivered for every symbol; other symbols' finals of this same minute may still follow,
     * which is why a rollup ending with this minute waits for its own symbol's final (above).
     */
    private void emitDueRollups(long minuteStart) {
        if (minuteStart <= lastScannedMinute) {
            return;
        }
        lastScannedMinute = minuteStart;
        List<KeyValue<String, Long>> due = new ArrayList<>();
        try (KeyValueIterator<String, Long> iterator = pending.all()) {
            while (iterator.hasNext()) {
                KeyValue<String, Long> entry = iterator.next();
                if (entry.value + sizeOf(entry.key) <= minuteStart) {
                    due.add(entry);
                }
            }
        }
        for (KeyValue<String, Long> entry : due) {
            int separator = entry.key.indexOf('|');
            emitRollup(entry.key.substring(0, separator), KpiWindow.ofMillis(sizeOf(entry.key)), entry.value);
            pending.delete(entry.key);
        }
    }

    private void emitRollup(String symbol, KpiWindow window, long windowStart) {
        MinuteSeries series = MinuteSeries.fetch(candles, symbol, windowStart,
                windowStart + window.sizeMs() - KpiWindow.MINUTE_MS);
        emit(KpiFactory.rollup(symbol, window, windowStart, series));
    }

    private void emit(WindowKpi kpi) {
        if (kpi != null) {
            // a KPI is not the tick that triggered it: it carries none of the tick's headers
            context.forward(new Record<>(kpi.getSymbol(), kpi, kpi.getLastEventTime().toEpochMilli(),
                    new RecordHeaders()));
        }
    }

    private static String pendingKey(String symbol, KpiWindow window) {
        return symbol + '|' + window.sizeMs();
    }

    private static long sizeOf(String pendingKey) {
        return Long.parseLong(pendingKey.substring(pendingKey.indexOf('|') + 1));
    }
}
