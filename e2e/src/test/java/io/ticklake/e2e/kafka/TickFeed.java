package io.ticklake.e2e.kafka;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.inject.InjectionSettings;
import io.ticklake.simulator.market.MarketSimulator;
import io.ticklake.simulator.market.SimulationSettings;
import io.ticklake.simulator.produce.KafkaTickSink;
import io.ticklake.simulator.produce.Preflight;
import io.ticklake.simulator.produce.ProducerSettings;
import io.ticklake.simulator.run.RunOptions;
import io.ticklake.simulator.run.RunSummary;
import io.ticklake.simulator.run.TickPipeline;
import java.util.List;
import java.util.Optional;

/**
 * The simulator used as a library (simulator/README.md "As a library"): one simulated market sent to
 * Kafka in one or more runs that continue its event time, with test-data injection, every tick sent
 * recorded for the test's own computations.
 */
public final class TickFeed implements AutoCloseable {

    private final MarketSimulator market;
    private final InjectionSettings injection;
    private final RecordingTickSink sink;
    private long runs;

    public TickFeed(ProducerSettings kafka, SimulationSettings simulation, InjectionSettings injection) {
        new Preflight(kafka).check(Optional.empty());
        this.market = new MarketSimulator(simulation);
        this.injection = injection;
        this.sink = new RecordingTickSink(new KafkaTickSink(kafka));
    }

    /** Sends the market's next {@code count} ticks (injected extras on top) and waits for every acknowledgement. */
    public synchronized RunSummary send(long count) {
        // each run draws its injections afresh: the same seed in every run would pick the same positions
        // in every batch (never any in small ones)
        InjectionSettings draws = new InjectionSettings(injection.lateRate(), injection.lateBy(),
                injection.outOfOrderRate(), injection.duplicateRate(), injection.invalidRate(),
                injection.seed() + runs++);
        RunSummary summary = new TickPipeline(market, sink, RunOptions.count(count).withInjection(draws)).run();
        if (!summary.complete()) {
            throw new IllegalStateException("the simulator lost ticks: " + summary.toText());
        }
        return summary;
    }

    /** Every tick sent so far, in send order. */
    public List<StockTick> sent() {
        return sink.sent();
    }

    @Override
    public void close() {
        sink.close();
    }
}
