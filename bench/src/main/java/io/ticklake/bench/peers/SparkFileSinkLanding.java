package io.ticklake.bench.peers;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The landing peer: Spark Structured Streaming's own file sink as a stock pipeline would use it. Kafka
 * source, Avro decode ({@link AvroTickRows}, the raw columns), {@code format("parquet")} (Snappy),
 * {@code partitionBy(year, month, day, hour)} of event time in UTC, checkpointed, run with
 * {@code Trigger.AvailableNow} over the backlog. With a cap of {@code rate × interval} offsets per micro-batch
 * it writes the files a live query with that trigger interval would write at that rate.
 */
final class SparkFileSinkLanding extends SparkLanding {

    SparkFileSinkLanding(SparkSession spark, String bootstrap, String registry, LoadSampler load) {
        super(spark, bootstrap, registry, load);
    }

    @Override
    LandingResult land(String topic, long expected, Path dir, Long maxOffsetsPerTrigger) throws Exception {
        Path output = dir.resolve("lake").resolve("raw").resolve("stock_ticks");
        DataStreamReader reader = spark.readStream().format("kafka")
                .option("kafka.bootstrap.servers", bootstrap)
                .option("subscribe", topic)
                .option("startingOffsets", "earliest")
                .option("failOnDataLoss", "true");
        if (maxOffsetsPerTrigger != null) {
            reader = reader.option("maxOffsetsPerTrigger", maxOffsetsPerTrigger);
        }
        Dataset<Row> rows = AvroTickRows.decode(reader.load(), registry)
                .withColumn("year", date_format(col("event_time"), "yyyy"))
                .withColumn("month", date_format(col("event_time"), "MM"))
                .withColumn("day", date_format(col("event_time"), "dd"))
                .withColumn("hour", date_format(col("event_time"), "HH"));
        int mark = load.mark();
        long started = System.nanoTime();
        StreamingQuery query = rows.writeStream()
                .format("parquet")
                .option("path", output.toString())
                .option("checkpointLocation", dir.resolve("checkpoint").toUri().toString())
                .partitionBy("year", "month", "day", "hour")
                .trigger(Trigger.AvailableNow())
                .start();
        query.awaitTermination();
        double seconds = (System.nanoTime() - started) / 1e9;
        double loadAverage = load.medianSince(mark);
        LandedFiles.Summary landed = new LandedFiles(output).scan();
        if (landed.rows() != expected) {
            throw new IllegalStateException("the Spark file sink landed " + landed.rows() + " rows of " + expected);
        }
        return new LandingResult(landed.rows(), seconds, landed.files(), landed.hourDirectories(), landed.bytes(),
                loadAverage);
    }
}
