package io.ticklake.spark.backfill;

import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.options.JobOptions;
import io.ticklake.spark.storage.LakeStorage;
import io.ticklake.spark.storage.SerializableConf;
import io.ticklake.spark.storage.StorageOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands {@code stock-ticks} from Kafka in the raw lake layout with Structured Streaming: every record
 * available now ({@code trigger=available-now}, optionally bounded by ending offsets or timestamp), or
 * continuously. The checkpoint makes a killed run resume at the first batch not recorded as done, and the
 * landed file names make that batch's replay replace, not duplicate, what it had written.
 *
 * <pre>{@code
 * BackfillResult result = Backfill.in(spark)
 *         .option("lake", "file:///data/lake")
 *         .option("bootstrap-servers", "127.0.0.1:9092")
 *         .option("schema-registry-url", "http://127.0.0.1:8081")
 *         .option("checkpoint", "file:///data/checkpoints/backfill")
 *         .execute();
 * }</pre>
 */
public final class Backfill {

    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);

    private final SparkSession spark;
    private final Map<String, String> options = new HashMap<>();
    private BatchListener listener = BatchListener.NONE;
    private Map<String, String> environment = System.getenv();

    private Backfill(SparkSession spark) {
        this.spark = spark;
    }

    public static Backfill in(SparkSession spark) {
        return new Backfill(spark);
    }

    public Backfill option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public Backfill options(Map<String, String> values) {
        options.putAll(values);
        return this;
    }

    /**
     * Where the S3 credentials come from ({@code TICKLAKE_S3_ACCESS_KEY}, {@code TICKLAKE_S3_SECRET_KEY});
     * the process environment unless set. They are never options: options show in {@code ps} and in
     * schedulers' logs.
     */
    public Backfill environment(Map<String, String> value) {
        this.environment = Map.copyOf(value);
        return this;
    }

    /** Told after each batch has landed, before Spark records it as done. */
    public Backfill listener(BatchListener value) {
        this.listener = value;
        return this;
    }

    /** Runs until the query ends: with available-now when everything is landed, else until stopped. */
    public BackfillResult execute() throws Exception {
        return start().awaitResult();
    }

    /**
     * Validates the options and starts the streaming query.
     *
     * @throws InvalidOptionException for a bad option, before anything is read
     */
    public RunningBackfill start() throws Exception {
        JobOptions parsed = JobOptions.parse("backfill", BackfillOptions.ALL, List.of(BackfillOptions.KAFKA_PREFIX),
                options);
        boolean availableNow = parsed.get(BackfillOptions.TRIGGER).equals("available-now");
        for (var bound : List.of(BackfillOptions.ENDING_OFFSETS, BackfillOptions.ENDING_TIMESTAMP)) {
            if (parsed.has(bound) && !availableNow) {
                throw new InvalidOptionException(bound.name(), "needs trigger=available-now (a continuous run has no end)");
            }
        }
        if (parsed.has(BackfillOptions.STARTING_TIMESTAMP) && options.containsKey(BackfillOptions.STARTING_OFFSETS.name())) {
            throw new InvalidOptionException(BackfillOptions.STARTING_TIMESTAMP.name(),
                    "give either starting-timestamp or starting-offsets, not both");
        }
        String lake = parsed.get(BackfillOptions.LAKE);
        String checkpoint = parsed.get(BackfillOptions.CHECKPOINT);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        // the checkpoint goes through the session's own configuration, so it gets the S3 settings too
        LakeStorage.configure(hadoop, StorageOptions.settings(parsed, environment), lake, checkpoint);

        ClientConfig clients = ClientConfig.of(parsed);
        DataStreamReader reader = spark.readStream().format("kafka")
                .option("kafka.bootstrap.servers", parsed.get(BackfillOptions.BOOTSTRAP_SERVERS))
                .option("subscribe", parsed.get(BackfillOptions.TOPIC))
                .option("failOnDataLoss", parsed.get(BackfillOptions.FAIL_ON_DATA_LOSS).toString())
                .options(clients.kafkaOptions());
        if (parsed.has(BackfillOptions.STARTING_TIMESTAMP)) {
            reader.option("startingTimestamp",
                    Long.toString(parsed.get(BackfillOptions.STARTING_TIMESTAMP).toEpochMilli()));
        } else {
            reader.option("startingOffsets", parsed.get(BackfillOptions.STARTING_OFFSETS));
        }
        parsed.find(BackfillOptions.MAX_OFFSETS_PER_TRIGGER)
                .ifPresent(max -> reader.option("maxOffsetsPerTrigger", max.toString()));

        LandingBounds bounds = new LandingBounds(parsed.find(BackfillOptions.ENDING_OFFSETS).orElse(null),
                parsed.find(BackfillOptions.ENDING_TIMESTAMP).map(java.time.Instant::toEpochMilli).orElse(null));
        PartitionLander lander = new PartitionLander(LakeLayout.of(lake), clients.registry(), bounds,
                parsed.find(BackfillOptions.DLQ_TOPIC).orElse(null),
                clients.producerConfig(parsed.get(BackfillOptions.BOOTSTRAP_SERVERS)),
                parsed.get(BackfillOptions.ROW_GROUP_SIZE), parsed.get(BackfillOptions.MAX_FUTURE_MS),
                new SerializableConf(new Configuration(hadoop)));
        BackfillTotals totals = new BackfillTotals();
        Trigger trigger = availableNow ? Trigger.AvailableNow()
                : Trigger.ProcessingTime(parsed.get(BackfillOptions.TRIGGER_INTERVAL).toMillis());
        long started = System.nanoTime();
        StreamingQuery query = reader.load().writeStream()
                .queryName("ticklake-backfill-" + parsed.get(BackfillOptions.TOPIC))
                .option("checkpointLocation", checkpoint)
                .trigger(trigger)
                .foreachBatch(new BackfillBatchWriter(lander, totals, listener))
                .start();
        LOG.info("Backfill of {} into {} started ({}), checkpoint {}", parsed.get(BackfillOptions.TOPIC), lake,
                parsed.get(BackfillOptions.TRIGGER), checkpoint);
        return new RunningBackfill(query, totals, started);
    }
}
