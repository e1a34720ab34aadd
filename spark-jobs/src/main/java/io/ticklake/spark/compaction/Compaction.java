package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.lake.Manifest;
import io.ticklake.spark.lake.ManifestFile;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.options.JobOptions;
import io.ticklake.spark.storage.LakeFiles;
import io.ticklake.spark.storage.LakeStorage;
import io.ticklake.spark.storage.SerializableConf;
import io.ticklake.spark.storage.StorageOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts closed hours of the raw table into {@code compacted/}: per hour, dedup on the Kafka
 * coordinates, sort by (symbol, event_time), write few large files into a fresh {@code _v<version>}
 * directory and publish them with one write of {@code _manifest.json}. Rerunning on unchanged input is a
 * no-op; late raw files make the next run write a new version.
 *
 * <pre>{@code
 * CompactionResult result = Compaction.in(spark)
 *         .option("lake", "s3a://lake")
 *         .option("hour", "2026-11-20T14")
 *         .execute();
 * }</pre>
 *
 * Options are checked when {@link #execute()} starts, before anything is read; see {@link CompactionOptions}.
 */
public final class Compaction {

    private static final Logger LOG = LoggerFactory.getLogger(Compaction.class);

    private final SparkSession spark;
    private final Map<String, String> options = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private CompactionListener listener = CompactionListener.NONE;

    private Compaction(SparkSession spark) {
        this.spark = spark;
    }

    public static Compaction in(SparkSession spark) {
        return new Compaction(spark);
    }

    public Compaction option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public Compaction options(Map<String, String> values) {
        options.putAll(values);
        return this;
    }

    /** The clock deciding which hours are closed and which old versions are past their grace. */
    public Compaction clock(Clock value) {
        this.clock = value;
        return this;
    }

    /** Told at each step of each hour; throwing stops the run there (fault tests). */
    public Compaction listener(CompactionListener value) {
        this.listener = value;
        return this;
    }

    /**
     * Runs the compaction.
     *
     * @throws InvalidOptionException  for a bad option, before anything is read
     * @throws BadRawFilesException    with {@code on-bad-file=fail} when an hour holds corrupt or foreign files
     */
    public CompactionResult execute() throws Exception {
        JobOptions parsed = JobOptions.parse("compact", CompactionOptions.ALL, List.of(), options);
        long started = System.nanoTime();
        String lake = parsed.get(CompactionOptions.LAKE);
        // Spark's reader uses the session's configuration: the lake's bucket settings go there (per bucket,
        // so they do not disturb other jobs of the session)
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        LakeStorage.configure(hadoop, StorageOptions.settings(parsed), lake);
        LakeLayout layout = LakeLayout.of(lake);
        LakeFiles files = new LakeFiles(hadoop);
        SerializableConf conf = new SerializableConf(hadoop);
        CompactionPlanner planner = new CompactionPlanner(spark, layout, files, conf);
        CompactionRunner runner = new CompactionRunner(spark, layout, conf, parsed.get(CompactionOptions.TARGET_FILE_SIZE),
                parsed.get(CompactionOptions.ROW_GROUP_SIZE));
        ManifestCommitter committer = new ManifestCommitter(layout, files, clock, listener);
        VersionCleaner cleaner = new VersionCleaner(layout, files, parsed.get(CompactionOptions.OLD_VERSION_GRACE));
        boolean skipBadFiles = parsed.get(CompactionOptions.ON_BAD_FILE).equals("skip");

        Instant now = clock.instant();
        Duration closeGrace = parsed.get(CompactionOptions.CLOSE_GRACE);
        List<HourPartition> hours = parsed.find(CompactionOptions.HOURS).orElse(null);
        if (hours == null) {
            hours = planner.closedHoursWithRawData(now, parsed.get(CompactionOptions.LOOKBACK), closeGrace);
        } else {
            for (HourPartition hour : hours) {
                if (hour.end().plus(closeGrace).isAfter(now)) {
                    throw new InvalidOptionException(CompactionOptions.HOURS.name(), "hour " + hour
                            + " is not closed before " + hour.end().plus(closeGrace) + " (its end plus close-grace "
                            + closeGrace + ")");
                }
            }
        }
        LOG.info("Compacting {} hour(s) of {}", hours.size(), layout.compactedTable());
        List<HourCompactionResult> results = new ArrayList<>();
        for (HourPartition hour : hours) {
            HourCompactionResult result = compactHour(hour, planner, runner, committer, cleaner, skipBadFiles);
            LOG.info("{}", result);
            results.add(result);
        }
        CompactionResult result = new CompactionResult(results, Duration.ofNanos(System.nanoTime() - started));
        LOG.info("{}", result);
        return result;
    }

    private HourCompactionResult compactHour(HourPartition hour, CompactionPlanner planner, CompactionRunner runner,
                                             ManifestCommitter committer, VersionCleaner cleaner,
                                             boolean skipBadFiles) throws Exception {
        long started = System.nanoTime();
        CompactionPlan plan = planner.plan(hour);
        if (plan.status() != HourStatus.PUBLISHED) {
            List<Long> removed = cleaner.clean(hour, plan.current(), clock.instant());
            return new HourCompactionResult(hour, plan.status(), plan.current().map(Manifest::version).orElse(0L),
                    0, 0, 0, 0, 0, 0, 0, List.of(), removed, Duration.ofNanos(System.nanoTime() - started));
        }
        if (!plan.badFiles().isEmpty()) {
            if (!skipBadFiles) {
                throw new BadRawFilesException(hour, plan.badFiles());
            }
            plan.badFiles().forEach(bad -> LOG.warn("Skipping {} of hour {}: {}", bad.uri(), hour, bad.reason()));
        }
        listener.onStep(CompactionStep.BEFORE_WRITE, hour, plan.version());
        List<ManifestFile> written = runner.write(plan);
        listener.onStep(CompactionStep.AFTER_WRITE, hour, plan.version());
        Manifest manifest = committer.commit(plan, written);
        List<Long> removed = cleaner.clean(hour, Optional.of(manifest), clock.instant());
        return new HourCompactionResult(hour, HourStatus.PUBLISHED, manifest.version(), plan.dataFiles().size(),
                plan.dataBytes(), plan.dataRows(), written.size(), manifest.totalBytes(), manifest.rowCount(),
                plan.dataRows() - manifest.rowCount(), plan.badFiles(), removed,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
