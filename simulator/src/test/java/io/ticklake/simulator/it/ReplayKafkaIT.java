package io.ticklake.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.cli.ExitCodes;
import io.ticklake.simulator.testing.CliRun;
import io.ticklake.simulator.testing.TopicReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A replayed bar file read back from Kafka reproduces every bar. */
@ExtendWith(LocalPlatformExtension.class)
class ReplayKafkaIT {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path dir;

    @Test
    void replayedDailyBarsComeBackExactly(TestPlatform platform) throws IOException {
        String topic = "replay-it-" + UUID.randomUUID();
        platform.createTopic(topic, 6);
        Path csv = Files.writeString(dir.resolve("history.csv"), """
                symbol,date,open,high,low,close,volume
                AAPL,2024-05-10,184.90,185.09,182.13,183.05,50759496
                MSFT,2024-05-10,412.32,414.70,410.10,414.74,13402322
                AAPL,2024-05-09,182.56,184.66,182.11,184.57,48982972
                MSFT,2024-05-09,not-a-price,411.90,406.20,412.32,14689675
                MSFT,2024-05-08,407.23,412.35,405.66,410.54,11792263
                """.replace("414.70,410.10,414.74", "414.80,410.10,414.74"));

        CliRun run = CliRun.of("replay", csv.toString(), "--on-bad-line", "skip", "--ticks-per-bar", "6",
                "--bootstrap-servers", platform.kafkaBootstrapServers(), "--schema-registry-url",
                platform.schemaRegistryUrl(), "--topic", topic);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains(csv + ":5: open 'not-a-price' is not a number");
        assertThat(run.out()).contains("bad_lines_skipped=1").contains("acked=24");
        List<StockTick> ticks = TopicReader.readAll(platform.kafkaBootstrapServers(), platform.schemaRegistryUrl(),
                topic, 24).stream().map(ConsumerRecord::value).toList();
        assertThat(ticks).hasSize(24).allMatch(t -> t.getSource().equals("REPLAY"));

        Map<String, List<StockTick>> byBar = ticks.stream().collect(Collectors.groupingBy(
                t -> t.getSymbol() + " " + LocalDate.ofInstant(t.getEventTime(), NEW_YORK), TreeMap::new,
                Collectors.toList()));
        assertThat(byBar.keySet()).containsExactly("AAPL 2024-05-09", "AAPL 2024-05-10", "MSFT 2024-05-08",
                "MSFT 2024-05-10");
        assertBar(byBar.get("AAPL 2024-05-10"), 184.90, 185.09, 182.13, 183.05, 50_759_496L);
        assertBar(byBar.get("MSFT 2024-05-10"), 412.32, 414.80, 410.10, 414.74, 13_402_322L);
        assertBar(byBar.get("AAPL 2024-05-09"), 182.56, 184.66, 182.11, 184.57, 48_982_972L);
        assertBar(byBar.get("MSFT 2024-05-08"), 407.23, 412.35, 405.66, 410.54, 11_792_263L);
        assertThat(byBar.get("AAPL 2024-05-09").stream().map(StockTick::getEventTime).min(Comparator.naturalOrder())
                .orElseThrow()).isEqualTo(Instant.parse("2024-05-09T13:30:00Z"));
    }

    private static void assertBar(List<StockTick> ticks, double open, double high, double low, double close,
                                  long volume) {
        List<StockTick> ordered = ticks.stream().sorted(Comparator.comparing(StockTick::getSequence)).toList();
        assertThat(ordered).hasSize(6);
        assertThat(ordered.get(0).getPrice()).isEqualTo(open);
        assertThat(ordered.get(5).getPrice()).isEqualTo(close);
        assertThat(ordered.stream().mapToDouble(StockTick::getPrice).max().orElseThrow()).isEqualTo(high);
        assertThat(ordered.stream().mapToDouble(StockTick::getPrice).min().orElseThrow()).isEqualTo(low);
        assertThat(ordered.stream().mapToLong(StockTick::getVolume).sum()).isEqualTo(volume);
    }
}
