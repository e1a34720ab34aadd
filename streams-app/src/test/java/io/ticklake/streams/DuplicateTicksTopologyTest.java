package io.ticklake.streams;

import static io.ticklake.streams.KpiTopologyTest.EPS;
import static io.ticklake.streams.KpiTopologyTest.T0;
import static io.ticklake.streams.KpiTopologyTest.WALL_CLOCK;
import static io.ticklake.streams.KpiTopologyTest.header;
import static io.ticklake.streams.KpiTopologyTest.latestByWindow;
import static io.ticklake.streams.testing.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticklake.schemas.WindowKpi;
import io.ticklake.schemas.contract.TickIdentity;
import io.ticklake.streams.ingest.DuplicateMetrics;
import io.ticklake.streams.ingest.SeenSequences;
import io.ticklake.streams.ingest.TickDeduplicator;
import io.ticklake.streams.kpi.KpiWindow;
import io.ticklake.streams.testing.TopologyDriverFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/** The production topology counts a (symbol, sequence) once: producer retries and repeated quotes. */
class DuplicateTicksTopologyTest {

    @Test
    void aCopyOfATickChangesNoKpiAndIsCountedNotDeadLettered() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var ticks = fixture.ticks();
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, T0, 1));
            ticks.pipeInput("AAPL", tick("AAPL", 102.0, 30, T0.plusSeconds(10), 2));
            // an at-least-once retry of sequence 2, and a repeated quote of sequence 1 with another price
            ticks.pipeInput("AAPL", tick("AAPL", 102.0, 30, T0.plusSeconds(10), 2));
            ticks.pipeInput("AAPL", tick("AAPL", 500.0, 70, T0.plusSeconds(5), 1));

            Map<String, WindowKpi> emitted = latestByWindow(fixture.kpis());
            WindowKpi minute = emitted.get("1m@" + T0);
            assertThat(minute.getTradeCount()).isEqualTo(2);
            assertThat(minute.getVolume()).isEqualTo(40);
            assertThat(minute.getHigh()).isEqualTo(102.0);
            assertThat(minute.getOpen()).isEqualTo(100.0);
            assertThat(minute.getClose()).isEqualTo(102.0);
            assertThat(minute.getVwap()).isCloseTo((100.0 * 10 + 102.0 * 30) / 40, within(EPS));
            assertThat(emitted.get("1h@" + T0).getTradeCount()).isEqualTo(2);
            assertThat(fixture.dlq().isEmpty()).isTrue();
            assertThat(DuplicateMetrics.total(fixture.driver().metrics())).isEqualTo(2);
            // the sequences seen are changelogged: a restored task (exactly-once) recognizes the same copies
            assertThat(fixture.driver().producedTopicNames())
                    .contains(fixture.config().applicationId() + "-" + KpiTopology.TICK_SEQUENCES_STORE + "-changelog");

            // interactive queries read the same stores: they agree with what was emitted
            var views = fixture.views();
            assertThat(views.latest("AAPL", KpiWindow.ONE_MINUTE)).contains(minute);
            assertThat(views.latest("AAPL", KpiWindow.parse("1h"))).contains(emitted.get("1h@" + T0));
        }
    }

    @Test
    void aRecordProcessedAgainIsNotACopyOfItselfWhereIdentitiesAreStoredOneByOne() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            // a symbol whose bucket overflowed its ranges, and what an aborted transaction could leave behind in
            // the identity store: the identity of input offset 0
            long bucket = TickDeduplicator.bucketOf(T0.toEpochMilli(), fixture.config().graceMs());
            sequences(fixture).put("AAPL", new long[] {bucket, 1});
            WindowStore<String, Long> identities = fixture.driver().getWindowStore(KpiTopology.TICK_IDENTITY_STORE);
            identities.put(TickIdentity.key("AAPL", 1), 0L, bucket);

            fixture.ticks().pipeInput("AAPL", tick("AAPL", 100.0, 10, T0, 1));   // offset 0, processed again
            fixture.ticks().pipeInput("AAPL", tick("AAPL", 100.0, 10, T0, 1));   // offset 1, a real copy

            assertThat(latestByWindow(fixture.kpis()).get("1m@" + T0).getTradeCount()).isEqualTo(1);
            assertThat(DuplicateMetrics.total(fixture.driver().metrics())).isEqualTo(1);
        }
    }

    @Test
    void aSymbolNumberedWithManyGapsOverflowsIntoTheIdentityStoreAndStillCountsEachTradeOnce() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var ticks = fixture.ticks();
            int trades = SeenSequences.MAX_RANGES + 10;
            for (int i = 0; i < trades; i++) {
                ticks.pipeInput("AAPL", tick("AAPL", 100.0, 1, T0.plusMillis(i), 2L * i));   // every other number
            }
            for (int i = 0; i < trades; i++) {
                ticks.pipeInput("AAPL", tick("AAPL", 100.0, 1, T0.plusMillis(i), 2L * i));   // a copy of each
            }
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 1, T0.plusMillis(trades), 1));       // a gap filled

            assertThat(latestByWindow(fixture.kpis()).get("1m@" + T0).getTradeCount()).isEqualTo(trades + 1);
            assertThat(DuplicateMetrics.total(fixture.driver().metrics())).isEqualTo(trades);
            WindowStore<String, Long> identities = fixture.driver().getWindowStore(KpiTopology.TICK_IDENTITY_STORE);
            long bucket = TickDeduplicator.bucketOf(T0.toEpochMilli() + trades, fixture.config().graceMs());
            assertThat(identities.fetch(TickIdentity.key("AAPL", 2L * (trades - 1)), bucket)).isNotNull();
            assertThat(identities.fetch(TickIdentity.key("AAPL", 0), bucket)).isNull();
        }
    }

    @Test
    void aSequenceSeenInTheNextBucketIsStillFoundWhenStreamTimeRestartsBehind() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            // after a restore the partition's stream time restarts from the late filter's stored value, up to a
            // minute behind: a sequence seen just before the crash can sit in the bucket after the current one
            long grace = fixture.config().graceMs();
            long nextBucket = TickDeduplicator.bucketOf(T0.toEpochMilli(), grace) + TickDeduplicator.horizonMs(grace);
            sequences(fixture).put("AAPL", new long[] {nextBucket, 1 << 1, 1, 1});

            fixture.ticks().pipeInput("AAPL", tick("AAPL", 100.0, 10, T0, 1));

            assertThat(DuplicateMetrics.total(fixture.driver().metrics())).isEqualTo(1);
            assertThat(fixture.kpis().isEmpty()).isTrue();
        }
    }

    private static KeyValueStore<String, long[]> sequences(TopologyDriverFixture fixture) {
        return fixture.driver().getKeyValueStore(KpiTopology.TICK_SEQUENCES_STORE);
    }

    @Test
    void copiesAreRecognizedWhenAProducerStartsItsNumberingAgainOrSendsOutOfOrder() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var ticks = fixture.ticks();
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, T0, 100));
            // a restarted producer numbers from 1 again, one tick arrives before an earlier-numbered one
            ticks.pipeInput("AAPL", tick("AAPL", 101.0, 10, T0.plusSeconds(1), 2));
            ticks.pipeInput("AAPL", tick("AAPL", 102.0, 10, T0.plusSeconds(2), 1));
            ticks.pipeInput("AAPL", tick("AAPL", 103.0, 10, T0.plusSeconds(3), 3));
            // copies of each: below the highest sequence, so they take the exact path
            ticks.pipeInput("AAPL", tick("AAPL", 101.0, 10, T0.plusSeconds(1), 2));
            ticks.pipeInput("AAPL", tick("AAPL", 102.0, 10, T0.plusSeconds(2), 1));
            ticks.pipeInput("AAPL", tick("AAPL", 103.0, 10, T0.plusSeconds(3), 3));
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, T0, 100));

            assertThat(latestByWindow(fixture.kpis()).get("1m@" + T0).getTradeCount()).isEqualTo(4);
            assertThat(DuplicateMetrics.total(fixture.driver().metrics())).isEqualTo(4);
        }
    }

    @Test
    void theSameSequenceOfAnotherSymbolIsAnotherTrade() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var ticks = fixture.ticks();
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, T0, 7));
            ticks.pipeInput("MSFT", tick("MSFT", 50.0, 5, T0, 7));

            assertThat(latestByWindow(fixture.kpis(), "MSFT").get("1m@" + T0).getTradeCount()).isEqualTo(1);
            assertThat(fixture.views().latest("AAPL", KpiWindow.ONE_MINUTE).orElseThrow().getTradeCount())
                    .isEqualTo(1);
            assertThat(DuplicateMetrics.total(fixture.driver().metrics())).isZero();
        }
    }

    @Test
    void copiesAreRecognizedUntilTheirMinuteClosesAndAreLateAfterwards() throws Exception {
        long grace = defaultGraceMs();
        assertThat(TickDeduplicator.horizonMs(grace)).isEqualTo(60_000 + grace);
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var ticks = fixture.ticks();
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, T0.plusSeconds(59), 1));
            // stream time one millisecond before minute 0 closes (T0 + 60 s + grace): still a copy
            ticks.pipeInput("AAPL", tick("AAPL", 101.0, 1, T0.plusSeconds(60).plusMillis(grace - 1), 2));
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, T0.plusSeconds(59), 1));
            assertThat(DuplicateMetrics.total(fixture.driver().metrics())).isEqualTo(1);

            // minute 0 closes: a copy with the first one's event time is late (DLQ), as any tick of it
            ticks.pipeInput("AAPL", tick("AAPL", 102.0, 1, T0.plusSeconds(60).plusMillis(grace), 3));
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, T0.plusSeconds(59), 1));
            var dead = fixture.dlq().readRecordsToList();
            assertThat(dead).hasSize(1);
            assertThat(header(dead.get(0), "dlq.error.stage")).isEqualTo("late");

            // documented limit: an identity is remembered from its first copy's stream time until the end of
            // the bucket after it; from then on a copy carrying a later event time (so in an open window)
            // counts again
            long until = TickDeduplicator.rememberedUntil(T0.plusSeconds(59).toEpochMilli(), grace);
            assertThat(until).isGreaterThanOrEqualTo(T0.plusSeconds(59).toEpochMilli() + TickDeduplicator.horizonMs(grace));
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, Instant.ofEpochMilli(until - 1), 1));
            assertThat(DuplicateMetrics.total(fixture.driver().metrics())).isEqualTo(2);
            ticks.pipeInput("AAPL", tick("AAPL", 103.0, 1, Instant.ofEpochMilli(until), 4));
            ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, Instant.ofEpochMilli(until), 1));
            Map<String, WindowKpi> emitted = latestByWindow(fixture.kpis());
            assertThat(emitted.get("1m@" + T0).getTradeCount()).isEqualTo(1);
            assertThat(emitted.get("1m@" + T0.plus(Duration.ofMinutes(1))).getTradeCount()).isEqualTo(2);
            Instant lastMinute = Instant.ofEpochMilli(KpiWindow.ONE_MINUTE.startOf(until));
            assertThat(emitted.get("1m@" + lastMinute).getTradeCount()).isEqualTo(2);
            assertThat(DuplicateMetrics.total(fixture.driver().metrics())).isEqualTo(2);
        }
    }

    private static long defaultGraceMs() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            return fixture.config().graceMs();
        }
    }
}
