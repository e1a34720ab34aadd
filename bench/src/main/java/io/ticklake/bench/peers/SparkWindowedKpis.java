package io.ticklake.bench.peers;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.window;

import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The Spark peer of the streams app's 1-minute KPIs, written the way most Structured Streaming stock
 * pipelines are: Kafka source, Avro decode (the project's deserializer, as our app decodes), event-time
 * watermark, {@code groupBy(window(event_time, 1 minute), symbol)} with open/high/low/close/avg/vwap/volume/
 * count/stddev (the streams app's definitions: open and close by {@code (event_time, sequence, offset)},
 * population stddev, vwap = avg when the volume is 0), update output mode, and Spark's Kafka sink: every
 * micro-batch's updated windows as JSON records keyed by symbol, as our app writes its KPIs to a topic.
 */
final class SparkWindowedKpis {

    private SparkWindowedKpis() {
    }

    /** @param kafka the Kafka source's dataset of ticks */
    static StreamingQuery start(Dataset<Row> kafka, String registry, String bootstrap, String outputTopic,
            String watermark, Trigger trigger, String checkpoint) throws TimeoutException {
        Dataset<Row> ticks = AvroTickRows.decode(kafka, registry);
        Column order = struct(col("event_time"), col("sequence"), col("kafka_offset"));
        Dataset<Row> kpis = ticks
                .withWatermark("event_time", watermark)
                .groupBy(window(col("event_time"), "1 minute"), col("symbol"))
                .agg(min_by(col("price"), order).as("open"),
                        max("price").as("high"),
                        min("price").as("low"),
                        max_by(col("price"), order).as("close"),
                        avg("price").as("avg"),
                        sum(col("price").multiply(col("volume"))).as("price_volume"),
                        sum("volume").as("volume"),
                        count(lit(1)).as("trade_count"),
                        stddev_pop("price").as("stddev"),
                        max("event_time").as("last_event_time"))
                .select(col("symbol"), unix_millis(col("window.start")).as("window_start"),
                        unix_millis(col("window.end")).as("window_end"),
                        col("open"), col("high"), col("low"), col("close"), col("avg"),
                        when(col("volume").equalTo(0), col("avg"))
                                .otherwise(col("price_volume").divide(col("volume"))).as("vwap"),
                        col("volume"), col("trade_count"), col("stddev"),
                        unix_millis(col("last_event_time")).as("last_event_time"));
        return kpis.select(col("symbol").as("key"), to_json(struct(col("*"))).as("value"))
                .writeStream()
                .queryName("kpi-peer-" + UUID.randomUUID().toString().substring(0, 8))
                .outputMode("update")
                .trigger(trigger)
                .format("kafka")
                .option("kafka.bootstrap.servers", bootstrap)
                .option("topic", outputTopic)
                .option("checkpointLocation", checkpoint)
                .start();
    }
}
