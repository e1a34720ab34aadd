package io.ticklake.simulator.inject;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.tick.TickSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The test-data mode: sits between a source and the sink and, at the configured rates, makes ticks
 * late, holds them back out of order, sends them twice, or follows them with an invalid copy. Every
 * injection is recorded in the {@link InjectionSummary}. With all rates at zero it passes ticks
 * straight through. Decisions come from their own seeded random source, so the same seed picks the
 * same ticks and the source's own ticks stay as they would be without injection.
 */
public final class TestDataInjector {

    /** Mixed into the seed so injection draws are independent of a source seeded with the same number. */
    private static final long SEED_MIX = 0x9E3779B97F4A7C15L;

    private final InjectionSettings settings;
    private final UniformRandomProvider rng;
    private final InjectionSummary summary = new InjectionSummary();
    private final Map<String, StockTick> heldBack = new LinkedHashMap<>();
    private final InvalidTickKind[] invalidKinds = InvalidTickKind.values();
    private int nextInvalidKind;

    public TestDataInjector(InjectionSettings settings) {
        this.settings = settings;
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(settings.seed() ^ SEED_MIX);
    }

    /** Passes {@code tick} on to {@code out}, with whatever irregularities it draws. */
    public void accept(StockTick tick, TickSink out) {
        if (!settings.active()) {
            out.send(tick);
            return;
        }
        StockTick current = tick;
        if (draw(settings.lateRate())) {
            current = StockTick.newBuilder(tick).setEventTime(tick.getEventTime().minus(settings.lateBy())).build();
            record(InjectionKind.LATE, settings.lateBy().toString(), current);
        }
        StockTick waiting = heldBack.remove(current.getSymbol());
        if (waiting == null && draw(settings.outOfOrderRate())) {
            heldBack.put(current.getSymbol(), current);
            record(InjectionKind.OUT_OF_ORDER, "", current);
            return;
        }
        emit(current, out);
        if (waiting != null) {
            // Sent right after a later tick of its symbol: that symbol's sequence and time now go backwards.
            emit(waiting, out);
        }
    }

    /** Sends the ticks still held back; call once the source has ended. */
    public void finish(TickSink out) {
        List<StockTick> remaining = new ArrayList<>(heldBack.values());
        heldBack.clear();
        for (StockTick tick : remaining) {
            emit(tick, out);
        }
    }

    public InjectionSummary summary() {
        return summary;
    }

    public InjectionSettings settings() {
        return settings;
    }

    private void emit(StockTick tick, TickSink out) {
        out.send(tick);
        if (draw(settings.duplicateRate())) {
            out.send(tick);
            record(InjectionKind.DUPLICATE, "", tick);
        }
        if (draw(settings.invalidRate())) {
            InvalidTickKind kind = invalidKinds[nextInvalidKind++ % invalidKinds.length];
            out.send(kind.corrupt(tick));
            record(InjectionKind.INVALID, kind.name(), tick);
        }
    }

    private boolean draw(double rate) {
        return rate > 0 && rng.nextDouble() < rate;
    }

    private void record(InjectionKind kind, String detail, StockTick tick) {
        summary.record(new InjectedTick(kind, detail, tick.getSymbol(), tick.getSequence(), tick.getEventTime()));
    }
}
