package io.ticklake.bench.openloop;

import java.util.HashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * One way of seeing ticks (IQ answers, WebSocket frames): each answer makes a prefix of a symbol's
 * ticks visible, and every tick in it that was offered inside the measured interval is recorded once,
 * from its intended send time to the moment the answer arrived (open loop: a stall delays every tick
 * behind it, and each of them is counted).
 */
public final class Visibility {

    private final TickLedger ledger;
    private final Map<String, Integer> visible = new HashMap<>();
    private final Histogram micros = new Histogram(3);
    private long measureFromNanos = Long.MAX_VALUE;
    private long measureUntilNanos = Long.MAX_VALUE;

    public Visibility(TickLedger ledger) {
        this.ledger = ledger;
    }

    /** Only ticks intended in [from, until) are recorded; earlier ones are warm-up. */
    public synchronized void measure(long fromNanos, long untilNanos) {
        measureFromNanos = fromNanos;
        measureUntilNanos = untilNanos;
    }

    /** An answer, arrived at {@code arrivedNanos}, shows {@code tradeCount} ticks of {@code symbol}'s window. */
    public synchronized void observed(String symbol, long windowStartMs, long tradeCount, long arrivedNanos) {
        int prefix = ledger.visiblePrefix(symbol, windowStartMs, tradeCount);
        int before = visible.getOrDefault(symbol, 0);
        for (int index = before; index < prefix; index++) {
            long intended = ledger.intendedNanos(symbol, index);
            if (intended >= measureFromNanos && intended < measureUntilNanos) {
                micros.recordValue(Math.max(0, (arrivedNanos - intended) / 1_000));
            }
        }
        if (prefix > before) {
            visible.put(symbol, prefix);
        }
    }

    /** Ticks any answer has shown so far. */
    public synchronized long seen() {
        return visible.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Ticks offered that no answer has shown yet. */
    public synchronized long unseen() {
        return ledger.offeredTotal() - seen();
    }

    public synchronized Histogram histogram() {
        return micros.copy();
    }
}
