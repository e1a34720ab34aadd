package io.ticklake.spark.backfill;

import io.ticklake.schemas.StockTick;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.parquet.RawFileWriter;
import io.ticklake.spark.parquet.WrittenFile;
import io.ticklake.spark.storage.SerializableConf;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands one Kafka partition's slice of a micro-batch: decodes each record, writes the ticks into the raw
 * hour partition of their event time, and counts (and optionally dead-letters) what does not decode.
 *
 * <p>File names are {@code backfill+<topic>+<partition>+<first offset, 20 digits>.parquet}, one per hour the
 * slice touches. A micro-batch's offset ranges are fixed in the checkpoint before it runs, so a batch
 * replayed after a crash writes the same names with the same rows and replaces its earlier files instead of
 * duplicating them. The {@code backfill+} prefix keeps them apart from the Connect sink's files.
 */
final class PartitionLander implements MapPartitionsFunction<Row, LandingReport> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PartitionLander.class);
    private static final int MAX_ERROR_SAMPLES = 20;

    private final LakeLayout layout;
    private final Map<String, String> registryConfig;
    private final LandingBounds bounds;
    private final String dlqTopic;
    private final Map<String, String> producerConfig;
    private final long rowGroupBytes;
    private final long maxFutureMs;
    private final SerializableConf conf;

    PartitionLander(LakeLayout layout, Map<String, String> registryConfig, LandingBounds bounds, String dlqTopic,
                    Map<String, String> producerConfig, long rowGroupBytes, long maxFutureMs, SerializableConf conf) {
        this.layout = layout;
        this.registryConfig = registryConfig;
        this.bounds = bounds;
        this.dlqTopic = dlqTopic;
        this.producerConfig = producerConfig;
        this.rowGroupBytes = rowGroupBytes;
        this.maxFutureMs = maxFutureMs;
        this.conf = conf;
    }

    @Override
    public Iterator<LandingReport> call(Iterator<Row> records) throws Exception {
        Map<HourPartition, RawFileWriter<Row>> writers = new LinkedHashMap<>();
        List<WrittenFile> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Future<?>> deadLetters = new ArrayList<>();
        long read = 0;
        long landed = 0;
        long beyond = 0;
        long undecodable = 0;
        try {
            while (records.hasNext()) {
                Row record = records.next();
                read++;
                byte[] key = (byte[]) record.get(0);
                byte[] value = (byte[]) record.get(1);
                String topic = record.getString(2);
                int partition = record.getInt(3);
                long offset = record.getLong(4);
                long ingestMillis = millis(record.get(5));
                if (!bounds.includes(partition, offset, ingestMillis)) {
                    beyond++;
                    continue;
                }
                StockTick tick;
                try {
                    tick = TickDecoder.decode(registryConfig, topic, key, value, ingestMillis, maxFutureMs);
                } catch (RuntimeException e) {
                    undecodable++;
                    String where = topic + "/" + partition + "@" + offset;
                    LOG.warn("Undecodable record {} not landed: {}", where, e.getMessage());
                    if (errors.size() < MAX_ERROR_SAMPLES) {
                        errors.add(where + ": " + e.getMessage());
                    }
                    if (dlqTopic != null) {
                        deadLetters.add(DeadLetterPublisher.send(producerConfig, dlqTopic, key, value, topic,
                                partition, offset, e));
                    }
                    continue;
                }
                long eventMillis = tick.getEventTime().toEpochMilli();
                HourPartition hour = HourPartition.containingMillis(eventMillis);
                RawFileWriter<Row> writer = writers.get(hour);
                if (writer == null) {
                    String name = String.format("backfill+%s+%d+%020d.parquet", topic, partition, offset);
                    writer = RawFileWriter.forRows(layout.rawHour(hour) + "/" + name, conf.get(), rowGroupBytes);
                    writers.put(hour, writer);
                }
                writer.write(RowFactory.create(tick.getSymbol(), tick.getPrice(), tick.getVolume(), tick.getBid(),
                        tick.getAsk(), eventMillis, tick.getSequence(), tick.getSource(), topic, partition, offset,
                        ingestMillis));
                landed++;
            }
            for (RawFileWriter<Row> writer : writers.values()) {
                files.add(writer.closeAndPublish());
            }
            writers.clear();
            if (!deadLetters.isEmpty()) {
                DeadLetterPublisher.flush(producerConfig);
                for (Future<?> sent : deadLetters) {
                    sent.get(); // a failed dead-letter send fails the task, so the batch is retried
                }
            }
        } finally {
            for (RawFileWriter<Row> writer : writers.values()) {
                writer.close();
            }
        }
        return List.of(new LandingReport(files, read, landed, beyond, undecodable, deadLetters.size(), errors))
                .iterator();
    }

    private static long millis(Object timestamp) {
        if (timestamp instanceof Timestamp t) {
            return t.getTime();
        }
        return ((Instant) timestamp).toEpochMilli();
    }
}
