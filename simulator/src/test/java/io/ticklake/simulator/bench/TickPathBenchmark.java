package io.ticklake.simulator.bench;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import io.ticklake.simulator.inject.InjectionSettings;
import io.ticklake.simulator.inject.TestDataInjector;
import io.ticklake.simulator.market.MarketSimulator;
import io.ticklake.simulator.market.SimulationSettings;
import io.ticklake.simulator.replay.Bar;
import io.ticklake.simulator.replay.BarTickExpander;
import io.ticklake.simulator.tick.TickSink;
import io.ticklake.simulator.tick.TickValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CPU cost per tick of each step on the produce path (generation, contract check, injection, Avro
 * serialization, bar expansion), without Kafka: shows how much of a core the client needs for the
 * 200,000 ticks/s target. Run with {@code ./ticklake bench simulator} (or {@code ./mvnw -Pbench -pl simulator
 * exec:exec -Dbench.args=TickPathBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TickPathBenchmark {

    private MarketSimulator simulator;
    private StockTick tick;
    private TestDataInjector injector;
    private KafkaAvroSerializer serializer;
    private BarTickExpander expander;
    private Bar bar;
    private TickSink discard;

    @Setup
    public void setUp() {
        simulator = new MarketSimulator(SimulationSettings.defaults(100_000, 1L, Instant.parse("2026-11-20T14:30:00Z")));
        tick = simulator.nextTick();
        injector = new TestDataInjector(new InjectionSettings(0.01, Duration.ofMinutes(5), 0.01, 0.01, 0.01, 1L));
        serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://tick-path-bench"), false);
        expander = new BarTickExpander(4);
        bar = new Bar("AAPL", Instant.parse("2024-05-10T13:30:00Z"), Duration.ofMinutes(1), 183.0, 183.4, 182.8,
                183.1, 1000, 1);
        discard = new TickSink() {
            private long count;

            @Override
            public void send(StockTick t) {
                count += t.getVolume();
            }
        };
    }

    @Benchmark
    public StockTick generate() {
        return simulator.nextTick();
    }

    @Benchmark
    public boolean validate() {
        return TickValidator.isValid(tick);
    }

    @Benchmark
    public void injectAtOnePercentEach() {
        injector.accept(tick, discard);
    }

    @Benchmark
    public byte[] serialize() {
        return serializer.serialize("stock-ticks", tick);
    }

    @Benchmark
    public void generateValidateSerialize(Blackhole blackhole) {
        StockTick next = simulator.nextTick();
        blackhole.consume(TickValidator.isValid(next));
        blackhole.consume(serializer.serialize("stock-ticks", next));
    }

    @Benchmark
    public List<BarTickExpander.TickPoint> expandBar() {
        return expander.expand(bar);
    }
}
