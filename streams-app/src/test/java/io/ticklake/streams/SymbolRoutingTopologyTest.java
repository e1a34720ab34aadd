package io.ticklake.streams;

import static io.ticklake.streams.KpiTopologyTest.T0;
import static io.ticklake.streams.KpiTopologyTest.WALL_CLOCK;
import static io.ticklake.streams.KpiTopologyTest.latestByWindow;
import static io.ticklake.streams.testing.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.alerts.AlertTopology;
import io.ticklake.streams.routing.SymbolPartitioner;
import io.ticklake.streams.routing.SymbolPartitions;
import io.ticklake.streams.testing.TopologyDriverFixture;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;

/**
 * The production topology records where each symbol's ticks arrive, and queries route there. The driver has one
 * task, of input partition 0, so a symbol murmur2 sends elsewhere plays a tick from a non-Java producer (CRC32 or
 * any other deterministic partitioner); another partition's task is played by writing its record to the topic
 * of the global store.
 */
class SymbolRoutingTopologyTest {

    private static final int PARTITIONS = 6;

    @Test
    void aSymbolIsRoutedToThePartitionItsTicksArriveOnNotToMurmur2() throws Exception {
        String symbol = symbolMurmur2SendsAwayFromPartition0();
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var ticks = fixture.ticks();
            ticks.pipeInput(symbol, tick(symbol, 100.0, 10, T0, 1));
            ticks.pipeInput(symbol, tick(symbol, 101.0, 10, T0.plusSeconds(20), 2));
            ticks.pipeInput(symbol, tick(symbol, 102.0, 10, T0.plusSeconds(70), 3));

            // one record per symbol, partition and minute reached, not one per tick
            var recorded = fixture.driver().createOutputTopic(KpiTopology.symbolPartitionsTopic(fixture.config()),
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.LongDeserializer()).readKeyValuesToList();
            assertThat(recorded).containsExactly(KeyValue.pair(symbol + "@0", T0.toEpochMilli()),
                    KeyValue.pair(symbol + "@0", T0.plusSeconds(60).toEpochMilli()));

            SymbolPartitioner partitioner = new SymbolPartitioner((name, count) -> partitions(fixture).answering(name, count));
            assertThat(partitioner.partitions("t", symbol, null, PARTITIONS)).contains(Set.of(0));
            assertThat(SymbolPartitioner.murmur2(symbol, PARTITIONS)).isNotZero();
            // a symbol never seen goes where Java's producer would put it
            assertThat(partitioner.partitions("t", "NEVER", null, PARTITIONS))
                    .contains(Set.of(SymbolPartitioner.murmur2("NEVER", PARTITIONS)));
            assertThat(partitions(fixture).split()).isEmpty();
        }
    }

    @Test
    void aSymbolOnTwoPartitionsIsReportedSplitAndAnsweredByItsLatestMinute() throws Exception {
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            var ticks = fixture.ticks();
            TestInputTopic<String, Long> otherTask = fixture.driver().createInputTopic(
                    KpiTopology.symbolPartitionsTopic(fixture.config()), new StringSerializer(), new LongSerializer());
            ticks.pipeInput("SPLIT", tick("SPLIT", 100.0, 10, T0, 1));
            ticks.pipeInput("WHOLE", tick("WHOLE", 50.0, 10, T0, 1));
            // the task of partition 4 saw SPLIT a minute later (a round-robin producer)
            otherTask.pipeInput(SymbolPartitions.key("SPLIT", 4), T0.plusSeconds(60).toEpochMilli());
            // OLD left partition 3 longer ago than the history (a producer that changed its partitioner once)
            long history = fixture.config().historyMs();
            otherTask.pipeInput(SymbolPartitions.key("OLD", 3), T0.minusMillis(history).toEpochMilli());
            ticks.pipeInput("OLD", tick("OLD", 10.0, 1, T0, 1));

            SymbolPartitions partitions = partitions(fixture);
            assertThat(partitions.split()).containsOnlyKeys("SPLIT");
            assertThat(partitions.split().get("SPLIT")).containsExactly(0, 4);
            assertThat(partitions.answering("SPLIT", PARTITIONS)).contains(4);
            assertThat(partitions.splitAnswering()).containsExactly(Map.entry("SPLIT", 4));
            assertThat(partitions.answering("OLD", PARTITIONS)).contains(0);
            assertThat(partitions.answering("NEVER", PARTITIONS)).isEmpty();

            // its minute on partition 0 is newer now: answered there
            ticks.pipeInput("SPLIT", tick("SPLIT", 101.0, 10, T0.plusSeconds(130), 2));
            assertThat(partitions.answering("SPLIT", PARTITIONS)).contains(0);
            assertThat(partitions.splitAnswering()).containsExactly(Map.entry("SPLIT", 0));
        }
    }

    @Test
    void repartitionBySymbolAddsOneTopicAndKeepsTheKpis() throws Exception {
        Map<String, WindowKpi> plain;
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK)) {
            plain = play(fixture);
            assertThat(fixture.driver().producedTopicNames()).noneMatch(topic -> topic.endsWith("-repartition"));
            var description = KpiTopology.topology(fixture.config()).describe();
            assertThat(description.subtopologies()).hasSize(1);
            assertThat(description.globalStores()).flatExtracting(store -> store.processor().stores())
                    .containsExactlyInAnyOrder(KpiTopology.SYMBOL_PARTITIONS_STORE, AlertTopology.RULES_STORE);
        }
        try (TopologyDriverFixture fixture = new TopologyDriverFixture(
                Map.of(StreamsAppConfig.REPARTITION_BY_SYMBOL, true), WALL_CLOCK)) {
            assertThat(play(fixture)).isEqualTo(plain);
            String repartition = KpiTopology.candlesSourceTopic(fixture.config());
            assertThat(repartition).isEqualTo(fixture.config().applicationId() + "-ticks-by-symbol-repartition");
            assertThat(fixture.driver().producedTopicNames()).contains(repartition);
            assertThat(KpiTopology.topology(fixture.config()).describe().subtopologies()).hasSize(2);
            // where ticks arrive is still recorded before the repartition
            assertThat(partitions(fixture).answering("AAPL", PARTITIONS)).contains(0);
        }
        assertThat(plain.get("1m@" + T0).getTradeCount()).isEqualTo(3);
    }

    private static Map<String, WindowKpi> play(TopologyDriverFixture fixture) {
        var ticks = fixture.ticks();
        ticks.pipeInput("AAPL", tick("AAPL", 100.0, 10, T0, 1));
        ticks.pipeInput("AAPL", tick("AAPL", 104.0, 20, T0.plusSeconds(10), 2));
        ticks.pipeInput("AAPL", tick("AAPL", 98.0, 5, T0.plusSeconds(40), 3));
        ticks.pipeInput("AAPL", tick("AAPL", 99.0, 5, T0.plus(Duration.ofMinutes(6)), 4));
        return latestByWindow(fixture.kpis());
    }

    private static SymbolPartitions partitions(TopologyDriverFixture fixture) {
        return new SymbolPartitions(fixture.driver().getKeyValueStore(KpiTopology.SYMBOL_PARTITIONS_STORE),
                fixture.config().historyMs());
    }

    private static String symbolMurmur2SendsAwayFromPartition0() {
        SortedSet<String> candidates = new TreeSet<>();
        IntStream.range(0, 20).mapToObj(i -> "NONJAVA" + i)
                .filter(symbol -> SymbolPartitioner.murmur2(symbol, PARTITIONS) != 0).forEach(candidates::add);
        return candidates.first();
    }
}
