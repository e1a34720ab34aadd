package io.ticklake.spark.compaction;

import io.ticklake.lake.table.TicksTable;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.parquet.RawFileInspector;
import io.ticklake.spark.parquet.RawFileInspector.Inspection;
import io.ticklake.spark.storage.LakeFiles;
import io.ticklake.spark.storage.SerializableConf;
import io.ticklake.spark.table.TableFingerprints;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Decides what to do with a batch of hours: lists their raw files, compares each hour's fingerprint with
 * the one the table last took for it (equal: nothing to do), checks that every file of a changed hour is
 * raw data (in parallel on the executors, one footer read per file) and finds the table files the commit
 * will replace.
 */
final class CompactionPlanner {

    private final SparkSession spark;
    private final LakeLayout layout;
    private final LakeFiles files;
    private final SerializableConf conf;

    CompactionPlanner(SparkSession spark, LakeLayout layout, LakeFiles files, SerializableConf conf) {
        this.spark = spark;
        this.layout = layout;
        this.files = files;
        this.conf = conf;
    }

    /** One plan per hour, in order, against the table's current snapshot. */
    List<HourPlan> plan(List<HourPartition> hours, Table table) throws IOException {
        TableFingerprints taken = TableFingerprints.of(table, hours);
        Map<HourPartition, Map<String, Long>> listed = new LinkedHashMap<>();
        List<String[]> toInspect = new ArrayList<>();
        Map<HourPartition, String> fingerprints = new HashMap<>();
        for (HourPartition hour : hours) {
            Map<String, Long> sizes = rawFiles(hour);
            String fingerprint = SourceFingerprint.of(sizes);
            listed.put(hour, sizes);
            fingerprints.put(hour, fingerprint);
            if (!sizes.isEmpty() && !taken.of(hour).orElse("").equals(fingerprint)) {
                sizes.forEach((name, bytes) -> toInspect.add(new String[] {layout.rawHour(hour) + "/" + name,
                        Long.toString(bytes), Long.toString(hour.start().toEpochMilli())}));
            }
        }
        Map<String, Inspection> inspected = new HashMap<>();
        for (Inspection inspection : inspect(toInspect)) {
            inspected.put(inspection.uri(), inspection);
        }
        Map<HourPartition, List<DataFile>> tableFiles = tableFiles(table, hours);
        List<HourPlan> plans = new ArrayList<>();
        for (HourPartition hour : hours) {
            Map<String, Long> sizes = listed.get(hour);
            long bytes = sizes.values().stream().mapToLong(Long::longValue).sum();
            List<DataFile> current = tableFiles.getOrDefault(hour, List.of());
            String fingerprint = fingerprints.get(hour);
            if (sizes.isEmpty()) {
                plans.add(new HourPlan(hour, HourStatus.NO_INPUT, List.of(), List.of(), 0, 0, fingerprint, current));
                continue;
            }
            if (taken.of(hour).orElse("").equals(fingerprint)) {
                plans.add(new HourPlan(hour, HourStatus.UNCHANGED, List.of(), List.of(), sizes.size(), bytes,
                        fingerprint, current));
                continue;
            }
            List<Inspection> data = new ArrayList<>();
            List<BadRawFile> bad = new ArrayList<>();
            for (String name : sizes.keySet()) {
                Inspection inspection = inspected.get(layout.rawHour(hour) + "/" + name);
                if (inspection.isData()) {
                    data.add(inspection);
                } else {
                    bad.add(new BadRawFile(inspection.uri(), inspection.problem()));
                }
            }
            plans.add(new HourPlan(hour, HourStatus.PUBLISHED, data, bad, sizes.size(), bytes, fingerprint, current));
        }
        return plans;
    }

    /** The hour's raw files by name; hidden names are writers' temporary files (ours, Spark's, Hadoop's). */
    private Map<String, Long> rawFiles(HourPartition hour) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        for (FileStatus status : files.listFiles(layout.rawHour(hour))) {
            String name = status.getPath().getName();
            if (!name.startsWith(".") && !name.startsWith("_")) {
                sizes.put(name, status.getLen());
            }
        }
        return sizes;
    }

    private List<Inspection> inspect(List<String[]> work) {
        if (work.isEmpty()) {
            return List.of();
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(work.size(), jsc.defaultParallelism() * 2));
        SerializableConf shipped = conf;
        return jsc.parallelize(work, slices)
                .map(w -> RawFileInspector.inspect(w[0], Long.parseLong(w[1]), Long.parseLong(w[2]), shipped.get()))
                .collect();
    }

    /** The current snapshot's data files of the hours, by hour (manifests only: no data file is read). */
    private static Map<HourPartition, List<DataFile>> tableFiles(Table table, List<HourPartition> hours)
            throws IOException {
        Map<HourPartition, List<DataFile>> byHour = new HashMap<>();
        if (table.currentSnapshot() == null || hours.isEmpty()) {
            return byHour;
        }
        Expression filter = Expressions.alwaysFalse();
        for (HourPartition hour : hours) {
            filter = Expressions.or(filter, TicksTable.hourFilter(hour.start()));
        }
        try (CloseableIterable<FileScanTask> tasks = table.newScan().filter(filter).planFiles()) {
            for (FileScanTask task : tasks) {
                HourPartition hour = new HourPartition(TicksTable.hourOf(task.file().partition()));
                byHour.computeIfAbsent(hour, h -> new ArrayList<>()).add(task.file());
            }
        }
        return byHour;
    }

    /** Closed hours within the lookback that have raw data, oldest first. */
    List<HourPartition> closedHoursWithRawData(Instant now, Duration lookback, Duration closeGrace)
            throws IOException {
        return hoursWithRawData(HourPartition.containing(now.minus(lookback)).start(), now, now, closeGrace);
    }

    /** Hours in [from, to) that have raw data and are closed at {@code now}, oldest first. */
    List<HourPartition> hoursWithRawData(Instant from, Instant to, Instant now, Duration closeGrace)
            throws IOException {
        List<HourPartition> hours = new ArrayList<>();
        String table = layout.rawTable();
        for (FileStatus year : files.listDirectories(table)) {
            for (FileStatus month : files.listDirectories(table + "/" + year.getPath().getName())) {
                String monthPath = year.getPath().getName() + "/" + month.getPath().getName();
                for (FileStatus day : files.listDirectories(table + "/" + monthPath)) {
                    String dayPath = monthPath + "/" + day.getPath().getName();
                    for (FileStatus hourDir : files.listDirectories(table + "/" + dayPath)) {
                        HourPartition.fromPath(dayPath + "/" + hourDir.getPath().getName()).ifPresent(hour -> {
                            boolean closed = !hour.end().plus(closeGrace).isAfter(now);
                            if (closed && !hour.start().isBefore(from) && hour.start().isBefore(to)) {
                                hours.add(hour);
                            }
                        });
                    }
                }
            }
        }
        hours.sort(null);
        return hours;
    }
}
