package io.ticklake.spark.compaction;

import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import io.ticklake.lake.table.LakeCatalog;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.options.JobOptions;
import io.ticklake.spark.storage.LakeFiles;
import io.ticklake.spark.storage.LakeStorage;
import io.ticklake.spark.storage.SerializableConf;
import io.ticklake.spark.storage.StorageOptions;
import io.ticklake.spark.table.CatalogOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts closed hours of the raw layer into the Iceberg table {@code ticklake.ticks}: every hour of the
 * lookback window (or of a named range) whose raw file set differs from what the table last took for it
 * is read, deduplicated on the Kafka coordinates and then on (symbol, sequence) (a trade counts once),
 * sorted by (symbol, event_time) and replaced in the table,
 * a batch of hours per Iceberg commit. Rerunning on unchanged input commits nothing.
 *
 * <pre>{@code
 * CompactionResult result = Compaction.in(spark)
 *         .option("lake", "s3a://lake")
 *         .option("catalog-uri", "jdbc:sqlite:/var/lib/ticklake/iceberg.db")
 *         .execute();
 * }</pre>
 *
 * Options are checked when {@link #execute()} starts, before anything is read; see {@link CompactionOptions}.
 * Planning ({@link CompactionPlanner}), writing ({@link CompactionRunner}) and committing
 * ({@link TableCommitter}) are separate; only the commit makes anything visible.
 */
public final class Compaction {

    private static final Logger LOG = LoggerFactory.getLogger(Compaction.class);

    private final SparkSession spark;
    private final Map<String, String> options = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private CompactionListener listener = CompactionListener.NONE;
    private Map<String, String> environment = System.getenv();

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

    /** The clock deciding which hours are closed. */
    public Compaction clock(Clock value) {
        this.clock = value;
        return this;
    }

    /**
     * Where the S3 credentials come from ({@code TICKLAKE_S3_ACCESS_KEY}, {@code TICKLAKE_S3_SECRET_KEY});
     * the process environment unless set. They are never options: options show in {@code ps} and in
     * schedulers' logs.
     */
    public Compaction environment(Map<String, String> value) {
        this.environment = Map.copyOf(value);
        return this;
    }

    /** Told at each step of each batch; throwing stops the run there (fault tests). */
    public Compaction listener(CompactionListener value) {
        this.listener = value;
        return this;
    }

    /**
     * Runs the compaction.
     *
     * @throws InvalidOptionException       for a bad option, before anything is read
     * @throws BadRawFilesException         with {@code on-bad-file=fail} when an hour holds corrupt or foreign files
     * @throws CompactionConflictException  when other writers kept committing to the same hours
     * @throws io.ticklake.lake.table.LakeCatalogException when the catalog cannot be reached (its URI named)
     */
    public CompactionResult execute() throws Exception {
        JobOptions parsed = JobOptions.parse("compact", CompactionOptions.ALL,
                List.of(CatalogOptions.PASS_THROUGH_PREFIX), options);
        long started = System.nanoTime();
        String lake = parsed.get(CompactionOptions.LAKE);
        S3Settings s3 = StorageOptions.settings(parsed, environment);
        // Spark's reader uses the session's configuration: the lake's bucket settings go there (per bucket,
        // so they do not disturb other jobs of the session)
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        LakeStorage.configure(hadoop, s3, LakeLayout.of(lake).root());
        LakeLayout layout = LakeLayout.of(lake);
        SerializableConf shipped = new SerializableConf(hadoop); // what tasks read raw files with
        CompactionPlanner planner = new CompactionPlanner(spark, layout, new LakeFiles(hadoop), shipped);
        Instant now = clock.instant();
        Duration closeGrace = parsed.get(CompactionOptions.CLOSE_GRACE);
        List<HourPartition> hours = hoursToConsider(parsed, planner, now, closeGrace);

        try (LakeCatalog catalog = CatalogOptions.open(LakeUri.parse(lake), s3, CatalogOptions.settings(parsed, environment))) {
            Table table = catalog.ticks();
            LOG.info("Compacting {} hour(s) of {} into {} (catalog {})", hours.size(), layout.rawTable(),
                    table.name(), catalog.uri());
            Instant carryFrom = HourPartition.containing(now.minus(parsed.get(CompactionOptions.LOOKBACK))).start();
            BatchCompaction batches = new BatchCompaction(table, planner,
                    new CompactionRunner(spark, shipped, parsed.get(CompactionOptions.TARGET_FILE_SIZE),
                            parsed.get(CompactionOptions.ROW_GROUP_SIZE)),
                    listener, parsed.get(CompactionOptions.ON_BAD_FILE).equals("skip"),
                    Math.toIntExact(parsed.get(CompactionOptions.COMMIT_RETRIES)), carryFrom);
            Long base = table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId();
            List<HourPlan> plans = planner.plan(hours, table);
            List<HourCompactionResult> results = new ArrayList<>();
            List<Long> snapshots = new ArrayList<>();
            List<HourPlan> changed = new ArrayList<>();
            for (HourPlan plan : plans) {
                if (plan.status() == HourStatus.PUBLISHED) {
                    changed.add(plan);
                } else {
                    results.add(HourCompactionResult.untouched(plan));
                }
            }
            long targetBytes = parsed.get(CompactionOptions.TARGET_FILE_SIZE);
            for (List<HourPlan> batch : batches(changed, Math.toIntExact(parsed.get(CompactionOptions.HOURS_PER_COMMIT)),
                    targetBytes)) {
                BatchCompaction.Outcome outcome = batches.run(batch, base);
                results.addAll(outcome.hours());
                outcome.snapshotId().ifPresent(snapshots::add);
            }
            results.sort((a, b) -> a.hour().compareTo(b.hour()));
            CompactionResult result = new CompactionResult(results, snapshots,
                    Duration.ofNanos(System.nanoTime() - started));
            results.stream().filter(r -> r.status() == HourStatus.PUBLISHED).forEach(r -> LOG.info("{}", r));
            LOG.info("{}", result);
            return result;
        }
    }

    private static List<HourPartition> hoursToConsider(JobOptions parsed, CompactionPlanner planner, Instant now,
                                                       Duration closeGrace) throws Exception {
        TreeSet<HourPartition> hours = new TreeSet<>();
        List<HourPartition> named = parsed.find(CompactionOptions.HOURS).orElse(List.of());
        for (HourPartition hour : named) {
            if (hour.end().plus(closeGrace).isAfter(now)) {
                throw new InvalidOptionException(CompactionOptions.HOURS.name(), "hour " + hour
                        + " is not closed before " + hour.end().plus(closeGrace) + " (its end plus close-grace "
                        + closeGrace + ")");
            }
            hours.add(hour);
        }
        if (parsed.has(CompactionOptions.FROM)) {
            Instant from = parsed.get(CompactionOptions.FROM).start();
            Instant to = parsed.find(CompactionOptions.TO).map(HourPartition::start).orElse(now);
            if (!from.isBefore(to)) {
                throw new InvalidOptionException(CompactionOptions.TO.name(), "must be after 'from' (" + from + ")");
            }
            hours.addAll(planner.hoursWithRawData(from, to, now, closeGrace));
        } else if (parsed.has(CompactionOptions.TO)) {
            throw new InvalidOptionException(CompactionOptions.TO.name(), "needs 'from'");
        } else if (named.isEmpty()) {
            hours.addAll(planner.closedHoursWithRawData(now, parsed.get(CompactionOptions.LOOKBACK), closeGrace));
        }
        return new ArrayList<>(hours);
    }

    /**
     * Groups changed hours into batches of at most {@code hoursPerBatch}; an hour holding at least one
     * target file of raw data is a batch of its own, so it is sorted with the one-hour sort prefix.
     */
    static List<List<HourPlan>> batches(List<HourPlan> changed, int hoursPerBatch, long targetFileBytes) {
        List<List<HourPlan>> batches = new ArrayList<>();
        List<HourPlan> open = new ArrayList<>();
        for (HourPlan plan : changed) {
            if (plan.dataBytes() >= targetFileBytes) {
                batches.add(List.of(plan));
                continue;
            }
            open.add(plan);
            if (open.size() == hoursPerBatch) {
                batches.add(open);
                open = new ArrayList<>();
            }
        }
        if (!open.isEmpty()) {
            batches.add(open);
        }
        return batches;
    }

    /** A fresh name prefix for one attempt's data files. */
    static String runId() {
        return UUID.randomUUID().toString();
    }

    /** Summary facts of a commit, in a stable order. */
    static Map<String, String> summary(List<HourPlan> batch, long rowsOut) {
        Map<String, String> summary = new TreeMap<>();
        summary.put("ticklake.job", "compact");
        summary.put("ticklake.hours", Integer.toString(batch.size()));
        summary.put("ticklake.raw-rows", Long.toString(batch.stream().mapToLong(HourPlan::dataRows).sum()));
        summary.put("ticklake.rows-out", Long.toString(rowsOut));
        return summary;
    }
}
