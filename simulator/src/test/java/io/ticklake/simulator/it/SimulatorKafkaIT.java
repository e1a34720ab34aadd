package io.ticklake.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.registry.SchemaRegistryClients;
import io.ticklake.simulator.cli.ExitCodes;
import io.ticklake.simulator.inject.InjectedTick;
import io.ticklake.simulator.inject.InjectionKind;
import io.ticklake.simulator.inject.InjectionSettings;
import io.ticklake.simulator.market.MarketSimulator;
import io.ticklake.simulator.market.SimulationSettings;
import io.ticklake.simulator.produce.KafkaTickSink;
import io.ticklake.simulator.produce.Preflight;
import io.ticklake.simulator.produce.ProducerSettings;
import io.ticklake.simulator.run.RunOptions;
import io.ticklake.simulator.run.RunSummary;
import io.ticklake.simulator.run.TickPipeline;
import io.ticklake.simulator.testing.CliRun;
import io.ticklake.simulator.testing.TopicReader;
import io.ticklake.simulator.tick.TickValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The simulator producing to the real broker and registry, read back through the registry. */
@ExtendWith(LocalPlatformExtension.class)
class SimulatorKafkaIT {

    private static final Instant START = Instant.parse("2026-11-20T14:30:00Z");

    @TempDir
    Path dir;

    @Test
    void theCliProducesTheSeedsTicksKeyedBySymbolInSequenceOrder(TestPlatform platform) throws IOException {
        String topic = "sim-it-" + UUID.randomUUID();
        platform.createTopic(topic, 6);
        Path summaryFile = dir.resolve("summary.json");
        int count = 3000;

        CliRun run = CliRun.of("simulate", "--seed", "7", "--start", START.toString(), "--max-speed", "--rate", "500",
                "--count", String.valueOf(count), "--bootstrap-servers", platform.kafkaBootstrapServers(),
                "--schema-registry-url", platform.schemaRegistryUrl(), "--topic", topic,
                "--summary-file", summaryFile.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Summary: source=SIMULATOR ended-by=count")
                .contains("ticks=" + count + " sent=" + count + " acked=" + count + " failed=0");
        JsonNode summary = new ObjectMapper().readTree(Files.readString(summaryFile));
        assertThat(summary.get("acked").asLong()).isEqualTo(count);

        List<ConsumerRecord<String, StockTick>> records = TopicReader.readAll(platform.kafkaBootstrapServers(),
                platform.schemaRegistryUrl(), topic, count);
        assertThat(records).hasSize(count);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(r.value().getSymbol());
            assertThat(TickValidator.violation(r.value())).isEmpty();
        });
        // Per symbol: one partition, sequences 1..n in offset order (idempotent, ordered producer).
        Map<String, Integer> partitionOf = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        records.stream().sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset())).forEach(r -> {
                    assertThat(partitionOf.computeIfAbsent(r.key(), k -> r.partition())).isEqualTo(r.partition());
                    long expected = lastSequence.getOrDefault(r.key(), 0L) + 1;
                    assertThat(r.value().getSequence()).as("sequence of " + r.key()).isEqualTo(expected);
                    lastSequence.put(r.key(), expected);
                });
        // The values are exactly what the generator makes for this seed.
        MarketSimulator local = new MarketSimulator(SimulationSettings.defaults(500, 7L, START));
        Map<String, List<StockTick>> expectedBySymbol = new HashMap<>();
        for (int i = 0; i < count; i++) {
            StockTick tick = local.nextTick();
            expectedBySymbol.computeIfAbsent(tick.getSymbol(), k -> new ArrayList<>()).add(tick);
        }
        Map<String, List<StockTick>> actualBySymbol = new HashMap<>();
        records.stream().sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .forEach(r -> actualBySymbol.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
        assertThat(actualBySymbol).isEqualTo(expectedBySymbol);
        // The registry holds the contract under <topic>-value.
        assertThat(SchemaRegistryClients.forUrl(platform.schemaRegistryUrl()).getLatest(topic + "-value").schema())
                .isEqualTo(StockTick.getClassSchema());
    }

    @Test
    void injectedTicksReachTheTopicAsTheSummaryRecordsThem(TestPlatform platform) {
        String topic = "sim-inject-it-" + UUID.randomUUID();
        platform.createTopic(topic, 6);
        ProducerSettings settings = ProducerSettings.of(platform.kafkaBootstrapServers(), platform.schemaRegistryUrl(),
                topic);
        new Preflight(settings).check(Optional.empty());
        InjectionSettings injection = new InjectionSettings(0.03, Duration.ofMinutes(10), 0.03, 0.05, 0.02, 11L);
        int count = 2000;

        RunSummary summary;
        try (KafkaTickSink sink = new KafkaTickSink(settings)) {
            summary = new TickPipeline(new MarketSimulator(SimulationSettings.defaults(1000, 11L, START)), sink,
                    RunOptions.count(count).withInjection(injection)).run();
        }

        long extra = summary.injection().extraTicks();
        assertThat(summary.complete()).isTrue();
        assertThat(summary.sink().acked()).isEqualTo(count + extra);
        List<ConsumerRecord<String, StockTick>> records = TopicReader.readAll(platform.kafkaBootstrapServers(),
                platform.schemaRegistryUrl(), topic, count + extra);
        assertThat(records).hasSize((int) (count + extra));
        List<StockTick> invalid = records.stream().map(ConsumerRecord::value).filter(t -> !TickValidator.isValid(t))
                .toList();
        assertThat(invalid).hasSize((int) summary.injection().count(InjectionKind.INVALID)).isNotEmpty();
        for (InjectedTick late : summary.injection().injected(InjectionKind.LATE)) {
            assertThat(records).anySatisfy(r -> {
                assertThat(r.value().getSymbol()).isEqualTo(late.symbol());
                assertThat(r.value().getSequence()).isEqualTo(late.sequence());
                assertThat(r.value().getEventTime()).isEqualTo(late.eventTime());
            });
        }
        Map<String, Long> copies = new HashMap<>();
        records.stream().map(ConsumerRecord::value).filter(TickValidator::isValid)
                .forEach(t -> copies.merge(t.getSymbol() + "#" + t.getSequence(), 1L, Long::sum));
        assertThat(copies).hasSize(count);
        assertThat(copies.values().stream().mapToLong(c -> c - 1).sum())
                .isEqualTo(summary.injection().count(InjectionKind.DUPLICATE));
    }
}
