package io.ticklake.spark.maintenance;

import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.options.JobOption;
import io.ticklake.spark.options.JobOptions;
import io.ticklake.spark.options.Parsers;
import io.ticklake.spark.storage.StorageOptions;
import io.ticklake.spark.table.CatalogOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every option of the maintenance job, and the guards on them: retention below {@link #SAFE_MINIMUM} needs
 * {@code force}, because it is what keeps files readers and writers still use.
 */
public final class MaintenanceOptions {

    /** Shortest expiry and orphan age accepted without {@code force}. */
    public static final Duration SAFE_MINIMUM = Duration.ofHours(1);

    public static final JobOption<String> LAKE = JobOption.required("lake", Parsers::lakeUri,
            "lake root: file:///…, s3a://bucket[/prefix] or s3://bucket[/prefix]");
    public static final JobOption<Duration> EXPIRE_OLDER_THAN = JobOption.withDefault("expire-older-than", "24h",
            Parsers::nonNegativeDuration, "a snapshot is expired (and the files only it uses deleted) once it "
                    + "stopped being current this long ago: a reader planning on it has this long to read; "
                    + "below 1h needs force");
    public static final JobOption<Long> RETAIN_LAST = JobOption.withDefault("retain-last", "1",
            Parsers.longAtLeast(1), "snapshots of the table's history kept whatever their age");
    public static final JobOption<Duration> ORPHAN_OLDER_THAN = JobOption.withDefault("orphan-older-than", "72h",
            Parsers::nonNegativeDuration, "a file under the table's location that no snapshot references is "
                    + "deleted once it is this old; a writer's files are unreferenced until its commit, so this "
                    + "must exceed the longest write; below 1h needs force");
    public static final JobOption<Long> SMALL_FILE_THRESHOLD = JobOption.withDefault("small-file-threshold", "8",
            Parsers.longAtLeast(1), "an hour holding more than this many small data files (under 3/4 of "
                    + "target-file-size) is rewritten, sorted by the table's sort order");
    public static final JobOption<Long> TARGET_FILE_SIZE = JobOption.withDefault("target-file-size", "128MB",
            Parsers.bytesBetween(1L << 20, 1L << 34), "size a rewritten data file is rolled at");
    public static final JobOption<Boolean> FORCE = JobOption.flag("force",
            "accept expire-older-than or orphan-older-than below 1h (only when no reader or writer is active)");

    public static final List<JobOption<?>> ALL;

    static {
        List<JobOption<?>> all = new ArrayList<>(List.of(LAKE, EXPIRE_OLDER_THAN, RETAIN_LAST, ORPHAN_OLDER_THAN,
                SMALL_FILE_THRESHOLD, TARGET_FILE_SIZE, FORCE));
        all.addAll(CatalogOptions.ALL);
        all.addAll(StorageOptions.ALL);
        ALL = List.copyOf(all);
    }

    private MaintenanceOptions() {
    }

    /**
     * Parses and checks the options, guards included: everything the job refuses is refused here, before
     * Spark starts.
     *
     * @throws InvalidOptionException naming the option
     */
    public static JobOptions parse(Map<String, String> given) {
        JobOptions parsed = JobOptions.parse("maintain", ALL, List.of(CatalogOptions.PASS_THROUGH_PREFIX), given);
        if (!parsed.get(FORCE)) {
            guard(parsed, EXPIRE_OLDER_THAN, "readers planning on a snapshot that was current until just now "
                    + "would find its files deleted");
            guard(parsed, ORPHAN_OLDER_THAN, "files that running writers have not committed yet would be deleted");
        }
        CatalogOptions.settings(parsed, Map.of()); // a bad catalog setting is an option error too
        return parsed;
    }

    private static void guard(JobOptions parsed, JobOption<Duration> option, String risk) {
        Duration value = parsed.get(option);
        if (value.compareTo(SAFE_MINIMUM) < 0) {
            throw new InvalidOptionException(option.name(), value + " is below the safe minimum of "
                    + SAFE_MINIMUM + " (" + risk + "); add --force (force=true) if nothing reads or writes the table");
        }
    }

    /** Smallest size of a file that is not small: Iceberg's own default boundary, 3/4 of the target. */
    static long smallFileLimit(long targetFileSize) {
        return targetFileSize / 4 * 3;
    }
}
