package io.ticklake.bench.peers;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticklake.spark.backfill.Backfill;
import io.ticklake.spark.session.SparkSessions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The Spark side of the peer benchmark, in a JVM of its own (started by {@link SparkPeerProcess} with the
 * heap and GC settings our Kafka Streams JVM gets): one Structured Streaming query on a local session, then
 * its figures as JSON in the {@code result} file. Jobs:
 * <ul>
 *   <li>{@code kpis}: {@link SparkWindowedKpis}, output to a Kafka topic; {@code trigger=available-now} over a
 *       backlog, or {@code trigger=<ms>} live until the process is stopped;</li>
 *   <li>{@code file-sink}: Spark's stock Parquet file sink, partitioned by hour as the lake is;</li>
 *   <li>{@code backfill}: spark-jobs' backfill.</li>
 * </ul>
 * Arguments are {@code key=value}; keys starting with {@code spark.} go to the session.
 */
public final class SparkPeer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SparkPeer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        Map<String, String> conf = new HashMap<>(Map.of("spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1",
                // keep every micro-batch's progress, for the sustained rate
                "spark.sql.streaming.numRecentProgressUpdates", "10000"));
        for (String arg : args) {
            int equals = arg.indexOf('=');
            (arg.startsWith("spark.") ? conf : options).put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        Configurator.setLevel("io.ticklake.spark.backfill", Level.WARN);
        Configurator.setLevel("org.apache.spark.sql.execution.streaming.runtime.ProcessingTimeExecutor", Level.ERROR);
        Configurator.setLevel("org.apache.spark.sql.execution.streaming.state.StateStore", Level.ERROR);
        Configurator.setLevel("org.apache.spark.scheduler.DAGScheduler", Level.ERROR);
        SparkSession spark = SparkSessions.getOrCreate("ticklake-peer-" + options.get("job"), conf);
        long started = System.nanoTime();
        StreamingQuery query = null; // the backfill runs its own query to the end
        switch (options.get("job")) {
            case "kpis" -> query = kpis(spark, options);
            case "file-sink" -> query = fileSink(spark, options);
            case "backfill" -> backfill(spark, options);
            default -> throw new IllegalArgumentException("job: kpis, file-sink or backfill, not " + options.get("job"));
        }
        if (query != null) {
            query.awaitTermination();
        }
        long ended = System.nanoTime();
        ObjectNode result = JSON.createObjectNode();
        result.put("query_seconds", (ended - started) / 1e9);
        result.put("jvm_seconds", (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3);
        ArrayNode batches = result.putArray("batches");
        if (query != null) {
            for (StreamingQueryProgress batch : query.recentProgress()) {
                if (batch.numInputRows() > 0) {
                    batches.addObject().put("rows", batch.numInputRows()).put("millis", batch.batchDuration());
                }
            }
        }
        Path file = Path.of(options.get("result"));
        Files.writeString(file, JSON.writeValueAsString(result));
        spark.stop();
    }

    private static StreamingQuery kpis(SparkSession spark, Map<String, String> options) throws Exception {
        String trigger = options.get("trigger");
        return SparkWindowedKpis.start(kafkaSource(spark, options).load(), options.get("registry"),
                options.get("bootstrap"), options.get("output-topic"), options.get("watermark"),
                trigger.equals("available-now") ? Trigger.AvailableNow() : Trigger.ProcessingTime(Long.parseLong(trigger)),
                options.get("checkpoint"));
    }

    private static void backfill(SparkSession spark, Map<String, String> options) throws Exception {
        Map<String, String> backfill = new HashMap<>(Map.of("lake", options.get("lake"), "bootstrap-servers",
                options.get("bootstrap"), "schema-registry-url", options.get("registry"), "checkpoint",
                options.get("checkpoint"), "topic", options.get("topic"), "trigger", "available-now"));
        if (maxOffsets(options) != null) {
            backfill.put("max-offsets-per-trigger", maxOffsets(options).toString());
        }
        Backfill.in(spark).options(backfill).execute();
    }

    private static StreamingQuery fileSink(SparkSession spark, Map<String, String> options) throws Exception {
        DataStreamReader reader = kafkaSource(spark, options);
        Dataset<Row> rows = AvroTickRows.decode(reader.load(), options.get("registry"))
                .withColumn("year", date_format(col("event_time"), "yyyy"))
                .withColumn("month", date_format(col("event_time"), "MM"))
                .withColumn("day", date_format(col("event_time"), "dd"))
                .withColumn("hour", date_format(col("event_time"), "HH"));
        return rows.writeStream()
                .format("parquet")
                .option("path", options.get("output"))
                .option("checkpointLocation", options.get("checkpoint"))
                .partitionBy("year", "month", "day", "hour")
                .trigger(Trigger.AvailableNow())
                .start();
    }

    /** The Kafka source both jobs read, from the earliest offset, capped per micro-batch when asked. */
    private static DataStreamReader kafkaSource(SparkSession spark, Map<String, String> options) {
        DataStreamReader reader = spark.readStream().format("kafka")
                .option("kafka.bootstrap.servers", options.get("bootstrap"))
                .option("subscribe", options.get("topic"))
                .option("startingOffsets", "earliest")
                .option("failOnDataLoss", "true");
        Long cap = maxOffsets(options);
        return cap == null ? reader : reader.option("maxOffsetsPerTrigger", cap);
    }

    private static Long maxOffsets(Map<String, String> options) {
        String cap = options.get("max-offsets-per-trigger");
        return cap == null || cap.isEmpty() ? null : Long.valueOf(cap);
    }
}
