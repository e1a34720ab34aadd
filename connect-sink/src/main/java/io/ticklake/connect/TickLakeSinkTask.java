package io.ticklake.connect;

import io.ticklake.connect.config.NullValueBehavior;
import io.ticklake.connect.config.TickLakeSinkConfig;
import io.ticklake.connect.decode.AlertRows;
import io.ticklake.connect.decode.DeadLetterRows;
import io.ticklake.connect.decode.RowDecoder;
import io.ticklake.connect.decode.TickRows;
import io.ticklake.connect.format.ParquetSettings;
import io.ticklake.connect.format.RawRow;
import io.ticklake.connect.partition.HourPartitioner;
import io.ticklake.connect.partition.PartitionField;
import io.ticklake.connect.storage.ObjectStore;
import io.ticklake.connect.storage.ObjectStores;
import io.ticklake.connect.writer.PartitionWriter;
import io.ticklake.connect.writer.RotationPolicy;
import io.ticklake.connect.writer.TaskWriters;
import io.ticklake.connect.writer.WriterSettings;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes each record into a row of its raw table (ticks, alerts or dead letters, by {@code record.type}) and hands
 * it to its partition's writer. Offsets are committed only for
 * data durable in the store: {@link #flush} does nothing, {@link #preCommit} returns what the
 * writers report. A record that cannot be decoded goes to the errant-record reporter (Connect's
 * dead-letter queue) with the reason; a store or registry outage pauses the partition and retries.
 */
public class TickLakeSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(TickLakeSinkTask.class);

    private final Function<TickLakeSinkConfig, ObjectStore> storeFactory;
    private final Clock clock;

    private TickLakeSinkConfig config;
    private ObjectStore store;
    private RowDecoder decoder;
    private TaskWriters writers;
    private PartitionField partitionField;
    private NullValueBehavior nullValues;
    private ErrantRecordReporter reporter;
    private TopicPartition lastTp;

    /** Used by Connect. */
    public TickLakeSinkTask() {
        this(ObjectStores::open, Clock.systemUTC());
    }

    /** For tests: a given store and clock. */
    public TickLakeSinkTask(Function<TickLakeSinkConfig, ObjectStore> storeFactory, Clock clock) {
        this.storeFactory = storeFactory;
        this.clock = clock;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new TickLakeSinkConfig(props);
        store = storeFactory.apply(config);
        decoder = switch (config.recordType()) {
            case TICK -> new TickRows(config.deserializerConfig(), config.maxFutureMs());
            case ALERT -> new AlertRows(config.deserializerConfig());
            case DEAD_LETTER -> new DeadLetterRows();
        };
        partitionField = config.partitionField();
        nullValues = config.nullValueBehavior();
        reporter = errantRecordReporter();
        WriterSettings settings = new WriterSettings(config.lakeTable(),
                new RotationPolicy(config.flushSize(), config.rotateInterval(), config.rotateIdle()),
                new ParquetSettings(config.parquetRowGroupBytes(), config.parquetPageBytes()),
                config.retryBackoff(), config.retryBackoffMax());
        writers = new TaskWriters(settings, store, clock, context, config.maxOpenFiles(), config.maxBufferedBytes());
        LOG.info("Started writing {} records to {} (table {}, flush.size {}, rotate.interval.ms {}, rotate.idle.ms {})",
                config.recordType().configValue(), store.describe(), config.lakeTable(), config.flushSize(), config.rotateInterval(), config.rotateIdle());
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            // workers before Kafka 2.6 have no reporter: bad records then fail the task
            return null;
        }
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        writers.open(partitions);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        long nowMs = clock.millis();
        writers.beginPut(nowMs);
        for (SinkRecord record : records) {
            TopicPartition tp = topicPartition(record);
            PartitionWriter writer = writers.writerFor(tp);
            if (writer == null) {
                continue;
            }
            try {
                write(writer, record);
            } catch (RuntimeException e) {
                writers.failed(tp, record.kafkaOffset(), e);
            }
        }
        writers.closeIdle(clock.millis());
        writers.enforceLimits();
        long wakeup = writers.nextWakeupMs(clock.millis());
        if (wakeup > 0) {
            context.timeout(wakeup);
        }
    }

    private void write(PartitionWriter writer, SinkRecord record) {
        Object value = record.value();
        if (value == null) {
            if (nullValues == NullValueBehavior.FAIL) {
                throw new ConnectException("tombstone (null value) at " + RowDecoder.coordinates(record) + " and "
                        + TickLakeSinkConfig.BEHAVIOR_ON_NULL_VALUES + "=fail");
            }
            writer.skip(record.kafkaOffset());
            return;
        }
        if (!(value instanceof byte[] bytes)) {
            throw new ConnectException("the sink decodes Confluent-wire Avro itself and needs value.converter="
                    + "org.apache.kafka.connect.converters.ByteArrayConverter, but got a "
                    + value.getClass().getName() + " at " + RowDecoder.coordinates(record));
        }
        try {
            RawRow row = decoder.decode(record, bytes);
            long recordTime = partitionField == PartitionField.EVENT_TIME ? row.eventTimeMillis() : row.ingestTimeMillis();
            if (!HourPartitioner.isPartitionable(recordTime)) {
                throw new DataException(partitionField.columnName() + " " + recordTime
                        + " ms is outside the years 0001-9999 and has no hour directory");
            }
            writer.append(row, recordTime);
        } catch (DataException e) {
            report(record, e);
            writer.skip(record.kafkaOffset());
        }
    }

    private void report(SinkRecord record, DataException error) {
        if (reporter == null) {
            throw new ConnectException("bad record at " + RowDecoder.coordinates(record) + ": " + error.getMessage(), error);
        }
        LOG.debug("Reporting the bad record at {}: {}", RowDecoder.coordinates(record), error.getMessage());
        // Connect waits for reported records to reach the dead-letter queue before committing offsets
        reporter.report(record, error);
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // nothing: offsets are committed through preCommit, for durable data only
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // no uploads here (idle closes run in put): Connect calls this while revoking partitions too
        Map<TopicPartition, OffsetAndMetadata> offsets = writers.committableOffsets();
        offsets.keySet().retainAll(currentOffsets.keySet());
        return offsets;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        writers.close(partitions);
    }

    @Override
    public void stop() {
        if (writers != null) {
            writers.closeAll();
        }
        if (decoder != null) {
            decoder.close();
        }
        if (store != null) {
            store.close();
        }
        LOG.info("Stopped");
    }

    /** SinkRecords of one partition come in runs; reuse the key instead of allocating one per record. */
    private TopicPartition topicPartition(SinkRecord record) {
        TopicPartition tp = lastTp;
        if (tp == null || tp.partition() != record.originalKafkaPartition() || !tp.topic().equals(record.originalTopic())) {
            tp = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
            lastTp = tp;
        }
        return tp;
    }

    /** Exposed for tests: the writers' state. */
    TaskWriters writers() {
        return writers;
    }
}
