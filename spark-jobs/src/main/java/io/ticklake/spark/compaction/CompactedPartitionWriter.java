package io.ticklake.spark.compaction;

import io.ticklake.lake.table.TicksTable;
import io.ticklake.schemas.contract.TickIdentity;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.LocationProvider;
import org.apache.iceberg.parquet.Parquet;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Sorts one partition of a batch of hours in {@link TickOrder} (or takes rows sorted already, as
 * {@link SortedTicks}) and writes it as table data files with Iceberg's Parquet writer (field ids, column
 * metrics, split offsets), dropping two kinds of copies as it goes. First the repeated copies of a Kafka record: a record's copies share its symbol and event time
 * (they were decoded from the same bytes), so in that order they are adjacent and the earliest-ingested
 * one is kept. Then the copies of a trade ({@link TickIdentity}: a producer retry or a repeated quote on
 * other coordinates): within an hour a {@code (symbol, sequence)} is kept once, the first in
 * {@link TickOrder}, i.e. the earliest event time, then the lowest Kafka coordinates. All rows of a
 * symbol's hour are in one partition ({@link CompactionRunner} spreads by hour and symbol), so the
 * sequences seen so far of the current (hour, symbol) decide; copies in different hours both stay (an
 * hour is replaced from its own raw files alone). A new file starts
 * at each hour and at the target size. Names carry the run's id, so two runs never write the same file.
 * Nothing written here is visible until the committer adds the files to the table.
 */
final class CompactedPartitionWriter implements FlatMapFunction<Iterator<InternalRow>, DataFile> {

    private static final long serialVersionUID = 1L;
    private static final long SIZE_CHECK_MASK = 4095;

    private final FileIO io;
    private final LocationProvider locations;
    private final Map<String, String> tableProperties;
    private final SortOrder sortOrder;
    private final String runId;
    private final long firstHourMillis;
    private final long[] batchHours;
    private final long targetFileBytes;
    private final long rowGroupBytes;

    /** @param batchHours the batch's hours (hours since the epoch), sorted: the only ones this may write */
    CompactedPartitionWriter(WriteTarget target, String runId, long[] batchHours, long targetFileBytes,
                             long rowGroupBytes) {
        this.io = target.io();
        this.locations = target.locations();
        this.tableProperties = target.properties();
        this.sortOrder = target.sortOrder();
        this.runId = runId;
        this.batchHours = batchHours.clone();
        this.firstHourMillis = batchHours[0] * 3_600_000L;
        this.targetFileBytes = targetFileBytes;
        this.rowGroupBytes = rowGroupBytes;
    }

    @Override
    public Iterator<DataFile> call(Iterator<InternalRow> partitionRows) throws Exception {
        return writeSorted(new SortedInternalRows(PartitionSorter.sort(partitionRows, firstHourMillis)),
                TaskContext.getPartitionId(), 0).iterator();
    }

    /**
     * Writes rows that are in {@link TickOrder} already.
     *
     * @param writer    the first number in the names of the files written, unique among the run's writers
     * @param firstRoll the second number of the first file: a writer called again goes on after its last
     */
    <R> List<DataFile> writeSorted(SortedTicks<R> rows, int writer, int firstRoll) throws IOException {
        List<DataFile> written = new ArrayList<>();
        OpenFile<R> file = null;
        int rolls = firstRoll;
        UTF8String lastTopic = null;
        int lastPartition = -1;
        long lastOffset = -1;
        long groupHour = Long.MIN_VALUE;
        UTF8String groupSymbol = null;
        SequenceSet groupSequences = new SequenceSet(); // the (hour, symbol) being written: its rows are adjacent
        try {
            while (rows.next()) {
                long offset = rows.offset();
                int kafkaPartition = rows.partition();
                UTF8String topic = rows.topic();
                if (offset == lastOffset && kafkaPartition == lastPartition && topic.equals(lastTopic)) {
                    continue;
                }
                if (!topic.equals(lastTopic)) {
                    lastTopic = topic.clone(); // the row's buffer is reused for the next row
                }
                lastPartition = kafkaPartition;
                lastOffset = offset;
                long hour = Math.floorDiv(rows.eventTime(), TickOrder.MICROS_PER_HOUR);
                UTF8String symbol = rows.symbol();
                if (hour != groupHour || !symbol.equals(groupSymbol)) {
                    groupHour = hour;
                    groupSymbol = symbol.clone();
                    groupSequences.clear();
                }
                if (!groupSequences.add(rows.sequence())) {
                    continue; // this trade was kept already, from an earlier row in TickOrder
                }
                if (file != null && file.hour != hour) {
                    written.add(file.close());
                    file = null;
                }
                if (file == null) {
                    if (Arrays.binarySearch(batchHours, hour) < 0) {
                        // the planner checks files' statistics; this catches a file written without them
                        throw new IllegalStateException("a raw file of the batch holds a tick of hour "
                                + Instant.ofEpochSecond(hour * 3600L) + " (" + symbol
                                + ", offset " + offset + "), which is not the hour of its partition directory");
                    }
                    file = open(hour, writer, rolls++, rows);
                }
                file.appender.add(rows.row());
                file.rows++;
                // the length is summed over every column: checking it per row would cost more than writing
                if ((file.rows & SIZE_CHECK_MASK) == 0 && file.appender.length() >= targetFileBytes) {
                    written.add(file.close());
                    file = null;
                }
            }
            if (file != null) {
                written.add(file.close());
                file = null;
            }
            return written;
        } finally {
            if (file != null) {
                file.abandon();
            }
        }
    }

    private <R> OpenFile<R> open(long hour, int writer, int roll, SortedTicks<R> rows) throws IOException {
        Instant hourStart = Instant.ofEpochSecond(hour * 3600L);
        StructLike partitionKey = TicksTable.partition(hourStart);
        String name = String.format("%s-%05d-%05d.parquet", runId, writer, roll);
        String path = locations.newDataLocation(TicksTable.SPEC, partitionKey, name);
        FileAppender<R> appender = Parquet.write(DataFileOutput.of(io, path))
                .schema(TicksTable.SCHEMA)
                .setAll(tableProperties)
                .set(TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, Long.toString(rowGroupBytes))
                .metricsConfig(MetricsConfig.fromProperties(tableProperties))
                // (nearly) unique per row: a dictionary only costs a hash lookup per value before it gives up
                .withDictionaryEncoding("event_time", false)
                .withDictionaryEncoding("sequence", false)
                .withDictionaryEncoding("kafka_offset", false)
                .createWriterFunc(rows::parquetWriter)
                .overwrite()
                .build();
        return new OpenFile<>(hour, path, partitionKey, appender);
    }

    /** A data file being written. */
    private final class OpenFile<R> {

        final long hour;
        final String path;
        final StructLike partitionKey;
        final FileAppender<R> appender;
        long rows;

        OpenFile(long hour, String path, StructLike partitionKey, FileAppender<R> appender) {
            this.hour = hour;
            this.path = path;
            this.partitionKey = partitionKey;
            this.appender = appender;
        }

        DataFile close() throws IOException {
            appender.close();
            return DataFiles.builder(TicksTable.SPEC)
                    .withPath(path)
                    .withFormat(FileFormat.PARQUET)
                    .withPartition(partitionKey)
                    .withFileSizeInBytes(appender.length())
                    .withMetrics(appender.metrics())
                    .withSplitOffsets(appender.splitOffsets())
                    .withSortOrder(sortOrder)
                    .build();
        }

        /** A failed task: close and delete what was written; orphan removal catches what this misses. */
        void abandon() {
            try {
                appender.close();
            } catch (IOException | RuntimeException ignored) {
                // the file is deleted next
            }
            try {
                io.deleteFile(path);
            } catch (RuntimeException ignored) {
                // left for orphan removal
            }
        }
    }
}
