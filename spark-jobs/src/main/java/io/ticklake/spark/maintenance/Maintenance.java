package io.ticklake.spark.maintenance;

import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import io.ticklake.lake.table.LakeCatalog;
import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.options.JobOptions;
import io.ticklake.spark.storage.LakeStorage;
import io.ticklake.spark.storage.StorageOptions;
import io.ticklake.spark.table.CatalogOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.DeleteOrphanFiles;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code ticklake.ticks} small and fast with Iceberg's Spark actions, in this order:
 * <ol>
 *   <li>rewrite hours holding many small data files ({@link SmallFileRewrite}), one commit;</li>
 *   <li>expire snapshots superseded longer than {@code expire-older-than} ago ({@link SnapshotExpiry}),
 *       deleting the files only they used;</li>
 *   <li>delete orphan files (under the table's location, referenced by no snapshot, older than
 *       {@code orphan-older-than}): leftovers of failed writes.</li>
 * </ol>
 * Compaction's raw fingerprints survive all three: the rewrite's commit repeats them, and expiry first
 * commits a copy of any it would otherwise drop. A run with nothing to do commits nothing.
 *
 * <pre>{@code
 * MaintenanceResult result = Maintenance.in(spark).option("lake", "s3a://lake")
 *         .option("catalog-uri", "jdbc:sqlite:/var/lib/ticklake/iceberg.db").execute();
 * }</pre>
 */
public final class Maintenance {

    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    /** Summary facts of this job's commits. */
    static final String JOB_KEY = "ticklake.job";
    static final String JOB = "maintain";
    static final String HOURS_KEY = "ticklake.hours";
    static final String CARRIED_KEY = "ticklake.carried-fingerprints";

    private final SparkSession spark;
    private final Map<String, String> options = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private Map<String, String> environment = System.getenv();

    private Maintenance(SparkSession spark) {
        this.spark = spark;
    }

    public static Maintenance in(SparkSession spark) {
        return new Maintenance(spark);
    }

    public Maintenance option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public Maintenance options(Map<String, String> values) {
        options.putAll(values);
        return this;
    }

    /**
     * Where the S3 credentials come from ({@code TICKLAKE_S3_ACCESS_KEY}, {@code TICKLAKE_S3_SECRET_KEY});
     * the process environment unless set. They are never options: options show in {@code ps} and in
     * schedulers' logs.
     */
    public Maintenance environment(Map<String, String> value) {
        this.environment = Map.copyOf(value);
        return this;
    }

    /** The clock that expiry and orphan ages are measured against. */
    public Maintenance clock(Clock value) {
        this.clock = value;
        return this;
    }

    /**
     * Runs the maintenance.
     *
     * @throws InvalidOptionException for a bad option or a guarded value without {@code force}, before
     *                                anything is touched
     * @throws io.ticklake.lake.table.LakeCatalogException when the catalog cannot be reached
     */
    public MaintenanceResult execute() throws Exception {
        JobOptions parsed = MaintenanceOptions.parse(options);
        long started = System.nanoTime();
        String lake = parsed.get(MaintenanceOptions.LAKE);
        S3Settings s3 = StorageOptions.settings(parsed, environment);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        LakeStorage.configure(hadoop, s3, LakeLayout.of(lake).root());
        Instant now = clock.instant();
        try (LakeCatalog catalog = CatalogOptions.open(LakeUri.parse(lake), s3, CatalogOptions.settings(parsed, environment))) {
            Optional<Table> existing = catalog.existingTicks();
            if (existing.isEmpty()) {
                LOG.info("The catalog at {} has no table ticklake.ticks yet: nothing to maintain", catalog.uri());
                return new MaintenanceResult(List.of(), 0, 0, 0, false, 0, 0, 0, 0, 0, List.of(),
                        Duration.ofNanos(System.nanoTime() - started));
            }
            Table table = existing.get();
            // orphan listing goes through Hadoop: the warehouse may be another bucket than the lake
            LakeStorage.configure(hadoop, s3, table.location());
            LOG.info("Maintaining {} at {} (catalog {})", table.name(), table.location(), catalog.uri());

            SmallFileRewrite.Outcome rewrite = new SmallFileRewrite(spark, table,
                    parsed.get(MaintenanceOptions.TARGET_FILE_SIZE),
                    parsed.get(MaintenanceOptions.SMALL_FILE_THRESHOLD)).run();
            SnapshotExpiry.Outcome expiry = new SnapshotExpiry(spark, table,
                    parsed.get(MaintenanceOptions.EXPIRE_OLDER_THAN),
                    Math.toIntExact(parsed.get(MaintenanceOptions.RETAIN_LAST))).run(now);
            long orphans = removeOrphans(table, now.minus(parsed.get(MaintenanceOptions.ORPHAN_OLDER_THAN)));

            List<Long> snapshots = new ArrayList<>(rewrite.snapshots());
            int carried = rewrite.carried();
            if (expiry.carried().isPresent()) {
                snapshots.add(expiry.carried().get().snapshotId());
                carried = Math.max(carried, expiry.carried().get().fingerprints());
            }
            MaintenanceResult result = new MaintenanceResult(rewrite.hours(), rewrite.filesIn(), rewrite.bytesIn(),
                    rewrite.filesOut(), rewrite.conflict(), expiry.expired(), expiry.dataFilesDeleted(),
                    expiry.metadataFilesDeleted(), orphans, carried, snapshots,
                    Duration.ofNanos(System.nanoTime() - started));
            LOG.info("{}", result);
            return result;
        }
    }

    private long removeOrphans(Table table, Instant olderThan) {
        table.refresh();
        DeleteOrphanFiles.Result result = SparkActions.get(spark).deleteOrphanFiles(table)
                .olderThan(olderThan.toEpochMilli()).execute();
        long removed = 0;
        for (String location : result.orphanFileLocations()) {
            LOG.info("Removed orphan file {}", location);
            removed++;
        }
        LOG.info("Removed {} orphan file(s) older than {} under {}", removed, olderThan, table.location());
        return removed;
    }
}
