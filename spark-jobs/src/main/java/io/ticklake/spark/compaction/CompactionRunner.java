package io.ticklake.spark.compaction;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hour;

import io.ticklake.lake.RawTickColumns;
import io.ticklake.spark.parquet.RawFileInspector.Inspection;
import io.ticklake.spark.parquet.RawTickSchema;
import io.ticklake.spark.storage.LakeFiles;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the data files of a batch of changed hours in one Spark job: reads their raw data files,
 * hash-partitions them by (hour, symbol) into as many partitions as target-size files the input fills (so
 * each symbol of an hour lives in one partition's files) and has {@link CompactedPartitionWriter} sort and
 * write each partition. Nothing it writes is visible: the files join the table only through the commit.
 */
final class CompactionRunner {

    private final SparkSession spark;
    private final long targetFileBytes;
    private final long rowGroupBytes;

    CompactionRunner(SparkSession spark, long targetFileBytes, long rowGroupBytes) {
        this.spark = spark;
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
        int partitions = (int) Math.max(1, (bytes + targetFileBytes - 1) / targetFileBytes);
        Column[] columns = RawTickColumns.ALL.stream().map(c -> col(c)).toArray(Column[]::new);
        String[] uris = inputs.stream().map(Inspection::uri).toArray(String[]::new);
        Dataset<Row> raw = read(uris, LakeFiles.isLocal(uris[0])).select(columns);
        boolean oneHour = changed.size() == 1;
        // hash, not range: a range partitioning would first scan the whole input for a sample
        Dataset<Row> spread = partitions == 1 ? raw.repartition(1)
                : oneHour ? raw.repartition(partitions, col(RawTickColumns.SYMBOL))
                : raw.repartition(partitions, hour(col(RawTickColumns.EVENT_TIME)), col(RawTickColumns.SYMBOL));
        long[] hours = changed.stream().mapToLong(p -> p.hour().start().getEpochSecond() / 3600L).sorted().toArray();
        CompactedPartitionWriter writer = new CompactedPartitionWriter(target, runId, hours, targetFileBytes,
                rowGroupBytes);
        return spread.queryExecution().toRdd().toJavaRDD().mapPartitions(writer).collect();
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
