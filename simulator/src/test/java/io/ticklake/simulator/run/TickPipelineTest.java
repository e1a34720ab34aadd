package io.ticklake.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.inject.InjectionKind;
import io.ticklake.simulator.inject.InjectionSettings;
import io.ticklake.simulator.market.MarketSimulator;
import io.ticklake.simulator.market.SimulationSettings;
import io.ticklake.simulator.testing.CollectingSink;
import io.ticklake.simulator.testing.ManualClock;
import io.ticklake.simulator.tick.SourceNames;
import io.ticklake.simulator.tick.TickSource;
import io.ticklake.simulator.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TickPipelineTest {

    private static final Instant START = Instant.parse("2026-11-20T14:30:00Z");

    @Test
    void stopsAtTheCountAndFlushes() {
        CollectingSink sink = new CollectingSink();
        RunSummary summary = new TickPipeline(simulator(1000), sink, RunOptions.count(2500)).run();

        assertThat(sink.ticks()).hasSize(2500);
        assertThat(sink.flushes()).isEqualTo(1);
        assertThat(summary.generated()).isEqualTo(2500);
        assertThat(summary.sink().acked()).isEqualTo(2500);
        assertThat(summary.endedBy()).isEqualTo("count");
        assertThat(summary.complete()).isTrue();
        assertThat(summary.source()).isEqualTo(SourceNames.SIMULATOR);
    }

    @Test
    void invalidSourceTicksAreNeverSent() {
        StockTick good = tick("AAPL", 10.0, 1);
        List<StockTick> ticks = List.of(good, tick("AAPL", -1.0, 2), tick("", 10.0, 3), tick("AAPL", Double.NaN, 4),
                tick("AAPL", 11.0, 5));
        CollectingSink sink = new CollectingSink();
        RunSummary summary = new TickPipeline(listSource(ticks), sink, RunOptions.count(0)).run();

        assertThat(sink.ticks()).extracting(StockTick::getSequence).containsExactly(1L, 5L);
        assertThat(summary.rejected()).isEqualTo(3);
        assertThat(summary.generated()).isEqualTo(5);
        assertThat(summary.endedBy()).isEqualTo("source");
    }

    @Test
    void injectedTicksComeOnTopAndAreSummarized() {
        CollectingSink sink = new CollectingSink();
        InjectionSettings injection = new InjectionSettings(0.1, Duration.ofMinutes(1), 0.1, 0.1, 0.1, 3L);
        RunSummary summary = new TickPipeline(simulator(1000), sink, RunOptions.count(5000).withInjection(injection))
                .run();

        assertThat(summary.injection().count(InjectionKind.DUPLICATE)).isPositive();
        assertThat(summary.injection().count(InjectionKind.INVALID)).isPositive();
        assertThat(sink.ticks()).hasSize(5000 + (int) summary.injection().extraTicks());
        assertThat(summary.toText()).contains("injected: late=" + summary.injection().count(InjectionKind.LATE));
        assertThat(summary.toJson()).contains("\"injected_ticks\"").contains("\"kind\" : \"INVALID\"");
    }

    @Test
    void pacingHoldsTicksUntilTheirEventTimeAndTheDurationEndsTheRun() {
        ManualClock clock = new ManualClock(START);
        CollectingSink sink = new CollectingSink();
        RunOptions options = new RunOptions(0, Duration.ofSeconds(30), true, InjectionSettings.NONE);
        RunSummary summary = new TickPipeline(simulator(10), sink, options, clock, clock.sleeper()).run();

        assertThat(summary.endedBy()).isEqualTo("duration");
        assertThat(sink.ticks()).isNotEmpty().allSatisfy(t -> assertThat(t.getEventTime())
                .isBefore(START.plusSeconds(30)));
        StockTick last = sink.ticks().get(sink.ticks().size() - 1);
        assertThat(clock.instant()).isAfterOrEqualTo(last.getEventTime()).isBefore(START.plusSeconds(30));
        assertThat(clock.sleeps()).isNotEmpty();
        assertThat((double) sink.ticks().size()).as("~10 ticks/s for 30 s").isBetween(30.0, 1200.0);
    }

    @Test
    void withoutPacingNothingWaits() {
        ManualClock clock = new ManualClock(START);
        new TickPipeline(simulator(10), new CollectingSink(), RunOptions.count(1000), clock, clock.sleeper()).run();
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void stopEndsAWaitingRunWhichStillFlushesAndSummarizes() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        TickSource blocking = new TickSource() {
            private boolean first = true;

            @Override
            public Optional<StockTick> next() throws InterruptedException {
                if (first) {
                    first = false;
                    return Optional.of(tick("AAPL", 10, 1));
                }
                waiting.countDown();
                Sleeper.SYSTEM.sleep(Duration.ofHours(1));
                return Optional.empty();
            }

            @Override
            public String name() {
                return "BLOCKING";
            }
        };
        CollectingSink sink = new CollectingSink();
        TickPipeline pipeline = new TickPipeline(blocking, sink,
                RunOptions.count(0).withInjection(new InjectionSettings(0, Duration.ZERO, 1.0, 0, 0, 1L)),
                Clock.systemUTC(), Sleeper.SYSTEM);
        CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(pipeline::run);
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        pipeline.stop();
        RunSummary summary = run.get(10, TimeUnit.SECONDS);

        assertThat(summary.endedBy()).isEqualTo("stopped");
        assertThat(sink.ticks()).as("the held-back tick is sent on stop").hasSize(1);
        assertThat(sink.flushes()).isEqualTo(1);
    }

    private static MarketSimulator simulator(double rate) {
        return new MarketSimulator(SimulationSettings.defaults(rate, 17L, START));
    }

    private static StockTick tick(String symbol, double price, long sequence) {
        return StockTick.newBuilder().setSymbol(symbol).setPrice(price).setVolume(1).setBid(null).setAsk(null)
                .setEventTime(START).setSequence(sequence).setSource("TEST").build();
    }

    private static TickSource listSource(List<StockTick> ticks) {
        Iterator<StockTick> iterator = ticks.iterator();
        return new TickSource() {
            @Override
            public Optional<StockTick> next() {
                return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
            }

            @Override
            public String name() {
                return "LIST";
            }
        };
    }
}
