package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.parquet.RawFileWriter;
import io.ticklake.spark.parquet.WrittenFile;
import io.ticklake.spark.storage.SerializableConf;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Sorts one partition of an hour in {@link TickOrder} and writes it into the new version's directory,
 * dropping the repeated copies of a Kafka record as it goes: a record's copies share its symbol and event
 * time (they were decoded from the same bytes), so in that order they are adjacent and the
 * earliest-ingested one is kept. Rolls to a new file at the target size; file
 * {@code k} of partition {@code p} is {@code part-(p + k * partitions)}, so names never collide (the
 * manifest lists them in sort order). Works on Spark's internal rows: no conversion per row.
 */
final class CompactedPartitionWriter implements FlatMapFunction<Iterator<InternalRow>, WrittenFile> {

    private static final long serialVersionUID = 1L;
    private static final long SIZE_CHECK_MASK = 4095;

    private final String versionDirUri;
    private final long hourStartMillis;
    private final int partitions;
    private final long targetFileBytes;
    private final long rowGroupBytes;
    private final SerializableConf conf;

    CompactedPartitionWriter(String versionDirUri, long hourStartMillis, int partitions, long targetFileBytes,
                             long rowGroupBytes, SerializableConf conf) {
        this.versionDirUri = versionDirUri;
        this.hourStartMillis = hourStartMillis;
        this.partitions = partitions;
        this.targetFileBytes = targetFileBytes;
        this.rowGroupBytes = rowGroupBytes;
        this.conf = conf;
    }

    @Override
    public Iterator<WrittenFile> call(Iterator<InternalRow> partitionRows) throws Exception {
        Iterator<InternalRow> rows = PartitionSorter.sort(partitionRows, hourStartMillis);
        int partition = TaskContext.getPartitionId();
        List<WrittenFile> written = new ArrayList<>();
        RawFileWriter<InternalRow> writer = null;
        int rolls = 0;
        UTF8String lastTopic = null;
        int lastPartition = -1;
        long lastOffset = -1;
        try {
            while (rows.hasNext()) {
                InternalRow row = rows.next();
                long offset = row.getLong(TickOrder.OFFSET);
                int kafkaPartition = row.getInt(TickOrder.PARTITION);
                UTF8String topic = row.getUTF8String(TickOrder.TOPIC);
                if (offset == lastOffset && kafkaPartition == lastPartition && topic.equals(lastTopic)) {
                    continue;
                }
                if (!topic.equals(lastTopic)) {
                    lastTopic = topic.clone(); // the row's buffer is reused for the next row
                }
                lastPartition = kafkaPartition;
                lastOffset = offset;
                if (writer == null) {
                    int n = partition + rolls * partitions;
                    writer = RawFileWriter.forInternalRows(versionDirUri + "/" + LakeLayout.partFileName(n),
                            conf.get(), rowGroupBytes);
                    rolls++;
                }
                writer.write(row);
                // the size is summed over every column: checking it per row would cost more than writing
                if ((writer.rows() & SIZE_CHECK_MASK) == 0 && writer.dataSize() >= targetFileBytes) {
                    written.add(writer.closeAndPublish());
                    writer = null;
                }
            }
            if (writer != null) {
                written.add(writer.closeAndPublish());
                writer = null;
            }
            return written.iterator();
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
    }
}
