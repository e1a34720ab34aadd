package io.ticklake.spark.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.spark.compaction.Compaction;
import io.ticklake.spark.compaction.HourCompactionResult;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.testing.LandedRaw;
import io.ticklake.spark.testing.MinioLake;
import io.ticklake.spark.testing.TestSpark;
import io.ticklake.spark.testing.Tick;
import io.ticklake.spark.testing.TickTopic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The backfill against the real broker and registry, into the local file system and into MinIO. */
@ExtendWith(LocalPlatformExtension.class)
class BackfillIT {

    private static final Instant START = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void landsEveryTickOnceInTheRawLayoutCountsUndecodablesAndResumesFromItsCheckpoint(TestPlatform platform)
            throws Exception {
        TickTopic topic = new TickTopic(platform, "ticks", 3);
        topic.produceTicks(60, START);                       // 2 h of event time per partition
        topic.produceGarbage(1);
        String dlq = topic.name() + "-dlq";
        TickTopic.createTopic(platform, dlq, 1);
        SparkSession spark = TestSpark.session();
        String lake = dir.resolve("lake").toUri().toString();
        Map<String, String> options = options(platform, topic, lake);
        options.put("dlq-topic", dlq);
        options.put("max-offsets-per-trigger", "50");

        BackfillResult first = Backfill.in(spark).options(options).execute();

        assertThat(first.rowsLanded()).isEqualTo(180);
        assertThat(first.undecodable()).isEqualTo(3);
        assertThat(first.deadLettered()).isEqualTo(3);
        assertThat(first.records()).isEqualTo(183);
        assertThat(first.batches()).isGreaterThanOrEqualTo(4);
        assertThat(first.errorSamples()).hasSize(3).anySatisfy(e -> assertThat(e).contains("Unknown magic byte"));
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Tick> landed = LandedRaw.readChecked(lake, conf);
        assertLandedExactlyOnce(landed, topic);
        assertThat(landed.stream().map(t -> HourPartition.containing(t.eventTime())).distinct()).hasSize(2);
        assertThat(deadLetters(platform, dlq, 3)).extracting(r -> header(r, "original.topic") + "/"
                + header(r, "original.partition") + "@" + header(r, "original.offset"))
                .containsExactlyInAnyOrderElementsOf(topic.garbage());

        assertThat(Backfill.in(spark).options(options).execute().rowsLanded()).isZero();

        topic.produceTicks(10, START.plusSeconds(7200));
        BackfillResult resumed = Backfill.in(spark).options(options).execute();
        assertThat(resumed.rowsLanded()).isEqualTo(30);
        assertLandedExactlyOnce(LandedRaw.readChecked(lake, conf), topic);

        // what the backfill landed is what compaction reads
        HourCompactionResult hour = Compaction.in(spark).option("lake", lake).option("hour", "2026-11-20T12")
                .execute().hours().get(0);
        assertThat(hour.rowsOut()).isEqualTo(landed.stream()
                .filter(t -> HourPartition.containing(t.eventTime()).toString().equals("2026-11-20T12:00:00Z")).count());
    }

    @Test
    void landsOnlyUpToTheEndingOffsets(TestPlatform platform) throws Exception {
        TickTopic topic = new TickTopic(platform, "bounded", 3);
        topic.produceTicks(40, START);
        SparkSession spark = TestSpark.session();
        String lake = dir.resolve("lake").toUri().toString();

        BackfillResult result = Backfill.in(spark).options(options(platform, topic, lake))
                .option("ending-offsets", "{\"0\":10,\"1\":25}").execute();

        assertThat(result.rowsLanded()).isEqualTo(10 + 25 + 40);
        assertThat(result.beyondBounds()).isEqualTo(30 + 15);
        List<Tick> landed = LandedRaw.readChecked(lake, spark.sparkContext().hadoopConfiguration());
        assertThat(landed).allSatisfy(t -> assertThat(t.offset()).isLessThan(t.partition() == 0 ? 10 : t.partition() == 1 ? 25 : 40));
        assertThat(landed).hasSize(75);
    }

    @Test
    void runsContinuouslyUntilStopped(TestPlatform platform) throws Exception {
        TickTopic topic = new TickTopic(platform, "continuous", 2);
        SparkSession spark = TestSpark.session();
        String lake = dir.resolve("lake").toUri().toString();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        RunningBackfill running = Backfill.in(spark).options(options(platform, topic, lake))
                .option("trigger", "continuous").option("trigger-interval", "1s").start();
        try {
            topic.produceTicks(15, START);
            // the result counts completed batches only: a batch stopped midway is replayed by the next run
            await().atMost(Duration.ofSeconds(90)).until(() -> running.result().rowsLanded() == 30);
            assertThat(LandedRaw.readChecked(lake, conf)).hasSize(30);
            topic.produceTicks(5, START.plusSeconds(3600));
            await().atMost(Duration.ofSeconds(90)).until(() -> running.result().rowsLanded() == 40);
        } finally {
            running.stop();
        }
        assertThat(running.isActive()).isFalse();
        assertLandedExactlyOnce(LandedRaw.readChecked(lake, conf), topic);
    }

    @Test
    void landsIntoMinio(TestPlatform platform) throws Exception {
        TickTopic topic = new TickTopic(platform, "s3", 2);
        topic.produceTicks(30, START);
        SparkSession spark = TestSpark.session();
        MinioLake minio = MinioLake.create(platform, spark.sparkContext().hadoopConfiguration());
        Map<String, String> options = options(platform, topic, minio.lake());
        options.putAll(minio.rawOptions());

        BackfillResult result = Backfill.in(spark).options(options).environment(minio.environment()).execute();

        assertThat(result.rowsLanded()).isEqualTo(60);
        assertLandedExactlyOnce(LandedRaw.readChecked(minio.lake(), minio.conf()), topic);
    }

    @Test
    void rejectsBadOptionsNamingThem(TestPlatform platform) {
        SparkSession spark = TestSpark.session();
        Map<String, String> options = new HashMap<>(Map.of("lake", dir.toUri().toString(), "bootstrap-servers", "x:1",
                "schema-registry-url", "http://x", "checkpoint", dir.toUri() + "chk"));
        assertThatThrownBy(() -> Backfill.in(spark).options(options).option("trigger", "continuous")
                .option("ending-offsets", "{\"0\":1}").start())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("'ending-offsets'");
        assertThatThrownBy(() -> Backfill.in(spark).options(options).option("ending-offsets", "[1]").start())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("'ending-offsets'");
        assertThatThrownBy(() -> Backfill.in(spark).options(options).option("max-offset-per-trigger", "5").start())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("'max-offset-per-trigger'");
        assertThatThrownBy(() -> Backfill.in(spark).options(options).option("lake", "hdfs://nn/lake").start())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("'lake'");
    }

    private Map<String, String> options(TestPlatform platform, TickTopic topic, String lake) {
        Map<String, String> options = new HashMap<>();
        options.put("lake", lake);
        options.put("bootstrap-servers", platform.kafkaBootstrapServers());
        options.put("schema-registry-url", platform.schemaRegistryUrl());
        options.put("topic", topic.name());
        options.put("checkpoint", dir.resolve("checkpoint-" + topic.name()).toUri().toString());
        return options;
    }

    /** Every decodable produced record landed once, with the values produced; nothing else landed. */
    static void assertLandedExactlyOnce(List<Tick> landed, TickTopic topic) {
        Map<String, Long> copies = landed.stream().collect(Collectors.groupingBy(Tick::coordinate, Collectors.counting()));
        assertThat(copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("coordinates landed more than once").isEmpty();
        Set<String> expected = topic.produced().stream().map(p -> p.coordinate(topic.name())).collect(Collectors.toSet());
        assertThat(copies.keySet()).as("landed coordinates").isEqualTo(expected);
        Map<String, TickTopic.Produced> byCoordinate = topic.produced().stream()
                .collect(Collectors.toMap(p -> p.coordinate(topic.name()), p -> p));
        for (Tick tick : landed) {
            TickTopic.Produced produced = byCoordinate.get(tick.coordinate());
            assertThat(tick.symbol()).isEqualTo(produced.tick().getSymbol());
            assertThat(tick.price()).isEqualTo(produced.tick().getPrice());
            assertThat(tick.bid()).isEqualTo(produced.tick().getBid());
            assertThat(tick.eventTime()).isEqualTo(produced.tick().getEventTime());
            assertThat(tick.sequence()).isEqualTo(produced.tick().getSequence());
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(TestPlatform platform, String dlq, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(dlq));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
