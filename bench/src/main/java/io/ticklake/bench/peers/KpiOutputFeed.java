package io.ticklake.bench.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.bench.openloop.Visibility;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.KafkaAvroDeserializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * An engine's committed output as a downstream consumer reads it: a {@code read_committed} consumer of the
 * engine's KPI topic, from the beginning, on a thread of its own. Every 1-minute KPI it reads is handed to a
 * {@link Visibility} (the moment the record was read is when its ticks became visible) and kept as its
 * window's latest trade count, so that after a backlog the counts of the final updates add up to the ticks
 * the engine aggregated.
 */
final class KpiOutputFeed implements AutoCloseable {

    /** A 1-minute KPI update: the symbol, its window's start and how many ticks the window holds so far. */
    record KpiUpdate(String symbol, long windowStartMs, long tradeCount) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Function<byte[], KpiUpdate> decoder;
    private final Visibility visibility;
    private final Map<String, Long> tradeCounts = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /** @param visibility where updates are reported as they are read, or null */
    KpiOutputFeed(String bootstrap, String topic, Function<byte[], KpiUpdate> decoder, Visibility visibility) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.decoder = decoder;
        this.visibility = visibility;
        this.thread = new Thread(this::follow, "kpi-output-" + topic);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Our streams app's output: Avro {@link WindowKpi} records of every window size, of which the 1-minute ones count. */
    static Function<byte[], KpiUpdate> windowKpis(String registry) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return value -> {
            WindowKpi kpi = (WindowKpi) deserializer.deserialize("", value);
            return kpi.getWindow().equals("1m") ? new KpiUpdate(kpi.getSymbol(), kpi.getWindowStart().toEpochMilli(),
                    kpi.getTradeCount()) : null;
        };
    }

    /** The Spark peer's output: JSON records of 1-minute windows, times in epoch milliseconds. */
    static KpiUpdate sparkJson(byte[] value) {
        try {
            JsonNode kpi = JSON.readTree(value);
            return new KpiUpdate(kpi.path("symbol").asText(), kpi.path("window_start").asLong(),
                    kpi.path("trade_count").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ticks in the 1-minute windows read so far (each window's latest count). */
    long ticksAggregated() {
        check();
        return tradeCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    int windows() {
        return tradeCounts.size();
    }

    private void follow() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long arrived = System.nanoTime();
                    KpiUpdate update = decoder.apply(record.value());
                    if (update == null) {
                        continue;
                    }
                    tradeCounts.put(update.symbol() + "@" + update.windowStartMs(), update.tradeCount());
                    if (visibility != null) {
                        visibility.observed(update.symbol(), update.windowStartMs(), update.tradeCount(), arrived);
                    }
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    /** Fails with what stopped the feed, if anything did. */
    void check() {
        if (failure != null) {
            throw new IllegalStateException("reading the KPI output failed", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
