package io.ticklake.spark.compaction;

import io.ticklake.lake.RawTickColumns;
import static org.apache.spark.sql.functions.col;

import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.lake.ManifestFile;
import io.ticklake.spark.parquet.RawFileInspector.Inspection;
import io.ticklake.spark.parquet.RawTickSchema;
import io.ticklake.spark.parquet.WrittenFile;
import io.ticklake.spark.storage.LakeFiles;
import io.ticklake.spark.storage.SerializableConf;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes an hour's new version: reads the raw data files, hash-partitions them by symbol into as many
 * partitions as target-size files the input fills (so each symbol lives in one partition's files) and
 * has {@link CompactedPartitionWriter} sort and write each partition. Nothing it writes is visible: the
 * files are only reachable through a manifest the committer publishes afterwards.
 */
final class CompactionRunner {

    private final SparkSession spark;
    private final LakeLayout layout;
    private final SerializableConf conf;
    private final long targetFileBytes;
    private final long rowGroupBytes;

    CompactionRunner(SparkSession spark, LakeLayout layout, SerializableConf conf, long targetFileBytes,
                     long rowGroupBytes) {
        this.spark = spark;
        this.layout = layout;
        this.conf = conf;
        this.targetFileBytes = targetFileBytes;
        this.rowGroupBytes = rowGroupBytes;
    }

    List<ManifestFile> write(CompactionPlan plan) {
        if (plan.dataFiles().isEmpty()) {
            return List.of();
        }
        String hourDir = layout.compactedHour(plan.hour());
        String versionDir = LakeLayout.versionDirectory(plan.version());
        String[] inputs = plan.dataFiles().stream().map(Inspection::uri).toArray(String[]::new);
        // raw files compress worse than the sorted output, so the input size bounds the file count from above
        int partitions = (int) Math.max(1, (plan.dataBytes() + targetFileBytes - 1) / targetFileBytes);
        Column[] columns = RawTickColumns.ALL.stream().map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> raw = read(inputs, LakeFiles.isLocal(hourDir)).select(columns);
        // hash by symbol, not by range: a range partitioning would first scan the whole input for a sample
        Dataset<Row> spread = partitions == 1 ? raw.repartition(1)
                : raw.repartition(partitions, col(RawTickColumns.SYMBOL));
        // the writer sorts each partition itself, with a sort prefix that settles nearly every comparison
        CompactedPartitionWriter writer = new CompactedPartitionWriter(hourDir + "/" + versionDir,
                plan.hour().start().toEpochMilli(), partitions, targetFileBytes, rowGroupBytes, conf);
        List<WrittenFile> written = spread.queryExecution().toRdd().toJavaRDD().mapPartitions(writer).collect();
        // list files partition by partition, each partition's rolls in turn (each symbol's ticks in order)
        return written.stream()
                .sorted(Comparator.comparingInt((WrittenFile f) -> partNumber(f) % partitions)
                        .thenComparingInt(f -> partNumber(f) / partitions))
                .map(f -> new ManifestFile(versionDir + "/" + fileName(f), f.rows(), f.bytes()))
                .toList();
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

    private static String fileName(WrittenFile file) {
        return file.uri().substring(file.uri().lastIndexOf('/') + 1);
    }

    private static int partNumber(WrittenFile file) {
        String name = fileName(file);
        return Integer.parseInt(name.substring("part-".length(), name.indexOf('.')));
    }
}
