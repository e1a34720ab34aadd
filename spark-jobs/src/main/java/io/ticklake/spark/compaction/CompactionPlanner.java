package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.lake.Manifest;
import io.ticklake.spark.lake.ManifestJson;
import io.ticklake.spark.parquet.RawFileInspector;
import io.ticklake.spark.parquet.RawFileInspector.Inspection;
import io.ticklake.spark.storage.LakeFiles;
import io.ticklake.spark.storage.SerializableConf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Decides what to do with an hour: lists its raw files, compares their fingerprint with the published
 * manifest's (equal: nothing to do), checks that every file is raw data (in parallel on the executors,
 * one footer read per file) and picks the next version number.
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

    CompactionPlan plan(HourPartition hour) throws IOException {
        Map<String, Long> listed = new LinkedHashMap<>();
        Map<String, String> uriByName = new LinkedHashMap<>();
        for (FileStatus status : files.listFiles(layout.rawHour(hour))) {
            String name = status.getPath().getName();
            // hidden names are writers' temporary files (ours, Spark's, Hadoop's checksums), not data yet
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            listed.put(name, status.getLen());
            uriByName.put(name, layout.rawHour(hour) + "/" + name);
        }
        Optional<Manifest> current = currentManifest(hour);
        long listedBytes = listed.values().stream().mapToLong(Long::longValue).sum();
        String fingerprint = SourceFingerprint.of(listed);
        if (listed.isEmpty()) {
            return new CompactionPlan(hour, HourStatus.NO_INPUT, List.of(), List.of(), 0, 0, fingerprint, current, 0);
        }
        if (current.isPresent() && current.get().sourceFingerprint().equals(fingerprint)) {
            return new CompactionPlan(hour, HourStatus.UNCHANGED, List.of(), List.of(), listed.size(), listedBytes,
                    fingerprint, current, current.get().version());
        }
        List<Inspection> data = new ArrayList<>();
        List<BadRawFile> bad = new ArrayList<>();
        for (Inspection inspection : inspect(uriByName, listed)) {
            if (inspection.isData()) {
                data.add(inspection);
            } else {
                bad.add(new BadRawFile(inspection.uri(), inspection.problem()));
            }
        }
        return new CompactionPlan(hour, HourStatus.PUBLISHED, data, bad, listed.size(), listedBytes, fingerprint,
                current, nextVersion(hour, current));
    }

    private List<Inspection> inspect(Map<String, String> uriByName, Map<String, Long> sizes) {
        List<String[]> work = new ArrayList<>();
        uriByName.forEach((name, uri) -> work.add(new String[] {uri, Long.toString(sizes.get(name))}));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(work.size(), jsc.defaultParallelism() * 2));
        SerializableConf shipped = conf;
        return jsc.parallelize(work, slices)
                .map(w -> RawFileInspector.inspect(w[0], Long.parseLong(w[1]), shipped.get()))
                .collect();
    }

    Optional<Manifest> currentManifest(HourPartition hour) throws IOException {
        String uri = layout.manifest(hour);
        byte[] bytes = files.readIfExists(uri);
        if (bytes == null) {
            return Optional.empty();
        }
        return Optional.of(ManifestJson.parse(new ByteArrayInputStream(bytes), uri));
    }

    /** One above every version published or attempted, so an interrupted attempt's files are never reused. */
    private long nextVersion(HourPartition hour, Optional<Manifest> current) throws IOException {
        long highest = current.map(Manifest::version).orElse(0L);
        for (FileStatus dir : files.listDirectories(layout.compactedHour(hour))) {
            OptionalLong version = VersionDirectories.parse(dir.getPath().getName());
            if (version.isPresent()) {
                highest = Math.max(highest, version.getAsLong());
            }
        }
        return highest + 1;
    }

    /** Closed hours within the lookback that have raw data, oldest first. */
    List<HourPartition> closedHoursWithRawData(Instant now, java.time.Duration lookback,
                                               java.time.Duration closeGrace) throws IOException {
        Instant from = HourPartition.containing(now.minus(lookback)).start();
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
                            if (closed && !hour.start().isBefore(from)) {
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
