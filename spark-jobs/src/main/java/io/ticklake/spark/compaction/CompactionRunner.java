package io.ticklake.spark.compaction;

import static org.apache.spark.sql.functions.col;

import io.ticklake.lake.RawTickColumns;
import io.ticklake.spark.parquet.RawFileInspector.Inspection;
import io.ticklake.spark.parquet.RawTickSchema;
import io.ticklake.spark.storage.LakeFiles;
import io.ticklake.spark.storage.SerializableConf;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Writes the data files of a batch of changed hours in one Spark job, and decides how the rows reach
 * the tasks: small hours whole, each to one task that reads them itself; one big hour to one task whose
 * threads split it by symbol; a very big hour through Spark's shuffle by symbol. Either way all rows of a
 * symbol's hour are in one writer, and {@link CompactedPartitionWriter} writes them
 * sorted. Nothing it writes is visible: the files join the table only through the commit.
 */
final class CompactionRunner {

    /** Rows one thread of a big hour's task sorts and writes (about 100 bytes each in memory). */
    private static final long ROWS_PER_GROUP = 6_000_000L;
    /** Above this many groups (and rows in one task's memory), an hour goes through Spark's shuffle. */
    private static final int MAX_SYMBOL_GROUPS = 4;
    /** Files whose symbol column the driver reads to split a big hour's symbols evenly among its tasks. */
    private static final int SAMPLED_FILES = 32;

    private final SparkSession spark;
    private final SerializableConf conf;
    private final long targetFileBytes;
    private final long rowGroupBytes;

    /** @param conf the lake's Hadoop settings, for the tasks that read raw files themselves */
    CompactionRunner(SparkSession spark, SerializableConf conf, long targetFileBytes, long rowGroupBytes) {
        this.spark = spark;
        this.conf = conf;
        this.targetFileBytes = targetFileBytes;
        this.rowGroupBytes = rowGroupBytes;
    }

    List<DataFile> write(List<HourPlan> changed, WriteTarget target, String runId) {
        List<Inspection> inputs = changed.stream().flatMap(p -> p.dataFiles().stream()).toList();
        if (inputs.isEmpty()) {
            return List.of();
        }
        long bytes = inputs.stream().mapToLong(Inspection::bytes).sum();
        // raw files compress worse than the sorted output, so the input size bounds the file count from above
        int files = (int) Math.max(1, (bytes + targetFileBytes - 1) / targetFileBytes);
        long[] hours = changed.stream().mapToLong(p -> p.hour().start().getEpochSecond() / 3600L).sorted().toArray();
        CompactedPartitionWriter writer = new CompactedPartitionWriter(target, runId, hours, targetFileBytes,
                rowGroupBytes);
        if (changed.size() > 1 || files == 1) {
            return byHour(changed, files, writer);
        }
        HourPlan hour = changed.get(0);
        int groups = (int) Math.max(files, (hour.dataRows() + ROWS_PER_GROUP - 1) / ROWS_PER_GROUP);
        return groups <= MAX_SYMBOL_GROUPS ? bySymbolGroup(hour, groups, writer) : bySymbol(inputs, files, writer);
    }

    /**
     * One hour of a few files, in one task ({@link BigHourTask}): its threads read the hour once, column by
     * column ({@link RawColumnReader}), each row into the columns of its symbol's group ({@link SymbolGroups}),
     * then each sorts and writes one group.
     */
    private List<DataFile> bySymbolGroup(HourPlan hour, int groups, CompactedPartitionWriter writer) {
        List<String> uris = hour.dataFiles().stream().map(Inspection::uri).toList();
        SymbolGroups symbolGroups = SymbolGroups.balance(sampleSymbolRows(uris), groups);
        long hourStartMillis = hour.hour().start().toEpochMilli();
        int expectedRows = (int) Math.min(Integer.MAX_VALUE - 8, hour.dataRows() * 5 / 4 / groups);
        SerializableConf shipped = conf; // the task function must not capture this runner
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(List.of(0), 1)
                .mapPartitions(task -> new BigHourTask(uris, symbolGroups, groups, hourStartMillis, expectedRows,
                        shipped.get()).run(writer).iterator()).collect();
    }

    /** Rows per symbol in up to {@link #SAMPLED_FILES} files spread over the hour's list. */
    private Map<UTF8String, Long> sampleSymbolRows(List<String> uris) {
        RawColumnReader reader = new RawColumnReader(conf.get());
        Map<UTF8String, Long> rows = new HashMap<>();
        int step = Math.max(1, uris.size() / SAMPLED_FILES);
        for (int i = 0; i < uris.size(); i += step) {
            try {
                reader.countSymbols(uris.get(i)).forEach((symbol, count) -> rows.merge(symbol, count, Long::sum));
            } catch (IOException e) {
                throw new UncheckedIOException("reading the symbols of " + uris.get(i), e);
            }
        }
        return rows;
    }

    /** One hour of more than a few files: Spark reads it and shuffles it by symbol into a partition per file. */
    private List<DataFile> bySymbol(List<Inspection> inputs, int files, CompactedPartitionWriter writer) {
        Column[] columns = RawTickColumns.ALL.stream().map(c -> col(c)).toArray(Column[]::new);
        String[] uris = inputs.stream().map(Inspection::uri).toArray(String[]::new);
        Dataset<Row> raw = read(uris, LakeFiles.isLocal(uris[0])).select(columns);
        // hash, not range: a range partitioning would first scan the whole input for a sample
        Dataset<Row> spread = raw.repartition(files, col(RawTickColumns.SYMBOL));
        return spread.queryExecution().toRdd().toJavaRDD().mapPartitions(writer).collect();
    }

    /**
     * Hours of less than a file each (Compaction.batches): a task reads whole hours' raw files itself, so
     * no shuffle is needed and each hour gets one file; the hours are spread over the cores by size. A task
     * reads, sorts and writes one hour at a time, as a big hour's threads do ({@link HourColumns}).
     */
    private List<DataFile> byHour(List<HourPlan> changed, int files, CompactedPartitionWriter writer) {
        int tasks = Math.min(changed.size(), Math.max(files, spark.sparkContext().defaultParallelism()));
        List<List<HourFiles>> groups = new ArrayList<>();
        long[] groupBytes = new long[tasks];
        for (int t = 0; t < tasks; t++) {
            groups.add(new ArrayList<>());
        }
        for (HourPlan plan : changed.stream().sorted(Comparator.comparingLong(HourPlan::dataBytes).reversed()).toList()) {
            int lightest = 0;
            for (int t = 1; t < tasks; t++) {
                lightest = groupBytes[t] < groupBytes[lightest] ? t : lightest;
            }
            groupBytes[lightest] += plan.dataBytes();
            groups.get(lightest).add(new HourFiles(plan.hour().start().toEpochMilli(),
                    Math.toIntExact(plan.dataRows()), plan.dataFiles().stream().map(Inspection::uri).toList()));
        }
        SerializableConf shipped = conf; // the task function must not capture this runner
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(groups, tasks)
                .mapPartitions(group -> {
                    RawColumnReader reader = new RawColumnReader(shipped.get());
                    int task = TaskContext.getPartitionId();
                    List<DataFile> written = new ArrayList<>();
                    while (group.hasNext()) {
                        for (HourFiles hour : group.next()) {
                            HourColumns columns = new HourColumns(hour.startMillis(), hour.rows());
                            for (String uri : hour.uris()) {
                                reader.read(uri, symbol -> 0, rowGroup -> columns.add(rowGroup, 0));
                            }
                            written.addAll(writer.writeSorted(columns.sorted(), task, written.size()));
                        }
                    }
                    return written.iterator();
                }).collect();
    }

    /** One hour of a batch of small ones, as its task needs it. */
    private record HourFiles(long startMillis, int rows, List<String> uris) implements Serializable {
    }

    private Dataset<Row> read(String[] inputs, boolean local) {
        String threshold = "spark.sql.sources.parallelPartitionDiscovery.threshold";
        String previous = spark.conf().get(threshold);
        if (local) {
            // Spark checks more than 32 paths with a distributed job; for local files the driver is faster
            spark.conf().set(threshold, Integer.toString(Math.max(32, inputs.length + 1)));
        }
        try {
            return spark.read().schema(RawTickSchema.SPARK).parquet(inputs);
        } finally {
            spark.conf().set(threshold, previous);
        }
    }
}
