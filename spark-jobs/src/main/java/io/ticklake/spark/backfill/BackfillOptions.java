package io.ticklake.spark.backfill;

import io.ticklake.schemas.contract.StockTickContract;
import io.ticklake.spark.options.JobOption;
import io.ticklake.spark.options.Parsers;
import io.ticklake.spark.storage.StorageOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every option of the backfill job; keys starting with {@code kafka.} go to the Kafka consumer as they are. */
public final class BackfillOptions {

    public static final String KAFKA_PREFIX = "kafka.";

    public static final JobOption<String> LAKE = JobOption.required("lake", Parsers::lakeUri,
            "lake root: file:///…, s3a://bucket[/prefix] or s3://bucket[/prefix]");
    public static final JobOption<String> BOOTSTRAP_SERVERS = JobOption.required("bootstrap-servers", Parsers::text,
            "Kafka bootstrap servers, host:port[,host:port]");
    public static final JobOption<String> SCHEMA_REGISTRY_URL = JobOption.required("schema-registry-url",
            Parsers::uri, "Confluent-compatible schema registry URL");
    public static final JobOption<String> CHECKPOINT = JobOption.required("checkpoint", Parsers::uri,
            "checkpoint location (file:///… or s3a://…); a rerun with the same one resumes where the last stopped");
    public static final JobOption<String> TOPIC = JobOption.withDefault("topic", "stock-ticks", Parsers::text,
            "topic to read");
    public static final JobOption<String> STARTING_OFFSETS = JobOption.withDefault("starting-offsets", "earliest",
            Parsers::text, "where a new checkpoint starts: earliest, latest or Spark's JSON "
                    + "{\"stock-ticks\":{\"0\":42}}; ignored when the checkpoint exists");
    public static final JobOption<Instant> STARTING_TIMESTAMP = JobOption.optional("starting-timestamp",
            Parsers::instant, "start at the first record with this Kafka timestamp or later (instead of starting-offsets)");
    public static final JobOption<EndOffsets> ENDING_OFFSETS = JobOption.optional("ending-offsets", EndOffsets::parse,
            "last offsets, exclusive, as {\"0\":100,\"1\":250} (partition to offset); needs trigger=available-now");
    public static final JobOption<Instant> ENDING_TIMESTAMP = JobOption.optional("ending-timestamp", Parsers::instant,
            "land only records with a Kafka timestamp before this; needs trigger=available-now");
    public static final JobOption<String> TRIGGER = JobOption.withDefault("trigger", "available-now",
            Parsers.oneOf("available-now", "continuous"),
            "available-now: land what is there and stop; continuous: keep landing until stopped");
    public static final JobOption<Duration> TRIGGER_INTERVAL = JobOption.withDefault("trigger-interval", "30s",
            Parsers::nonNegativeDuration, "micro-batch interval of trigger=continuous");
    public static final JobOption<Long> MAX_OFFSETS_PER_TRIGGER = JobOption.optional("max-offsets-per-trigger",
            Parsers.longAtLeast(1), "cap on records per micro-batch (all partitions together)");
    public static final JobOption<Long> ROW_GROUP_SIZE = JobOption.withDefault("row-group-size", "32MB",
            Parsers.bytesBetween(1L << 20, 1L << 31), "Parquet row-group size of landed files");
    public static final JobOption<String> DLQ_TOPIC = JobOption.optional("dlq-topic", Parsers::text,
            "also send undecodable records (original key/value, error headers) to this topic, e.g. stock-ticks-dlq");
    public static final JobOption<Long> MAX_FUTURE_MS = JobOption.withDefault("max-future-ms",
            Long.toString(StockTickContract.MAX_FUTURE_MS_DEFAULT), Parsers.longAtLeast(0),
            "a tick whose event time leads its record's Kafka timestamp by more is invalid (dead-lettered, not"
                    + " landed); keep it equal to the streams app's ticklake.validation.max.future.ms");
    public static final JobOption<Boolean> FAIL_ON_DATA_LOSS = JobOption.withDefault("fail-on-data-loss", "true",
            Parsers::bool, "fail when offsets the checkpoint expects were deleted by retention (a gap) instead of going on");

    public static final JobOption<Map<String, String>> CLIENT_CONFIG = JobOption.optional("client-config",
            Parsers::propertiesFile, "Kafka client and registry properties file (security.protocol, sasl.jaas.config,"
                    + " ssl.*, basic.auth.user.info, schema.registry.ssl.*), read by the driver: keeps secrets off the"
                    + " command line; kafka.<key> options override its Kafka keys");

    public static final List<JobOption<?>> ALL;

    static {
        List<JobOption<?>> all = new ArrayList<>(List.of(LAKE, BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, CHECKPOINT,
                TOPIC, STARTING_OFFSETS, STARTING_TIMESTAMP, ENDING_OFFSETS, ENDING_TIMESTAMP, TRIGGER,
                TRIGGER_INTERVAL, MAX_OFFSETS_PER_TRIGGER, ROW_GROUP_SIZE, DLQ_TOPIC, MAX_FUTURE_MS, FAIL_ON_DATA_LOSS,
                CLIENT_CONFIG));
        all.addAll(StorageOptions.ALL);
        ALL = List.copyOf(all);
    }

    private BackfillOptions() {
    }
}
