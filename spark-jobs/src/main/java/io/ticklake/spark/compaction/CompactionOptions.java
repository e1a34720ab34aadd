package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.options.JobOption;
import io.ticklake.spark.options.Parsers;
import io.ticklake.spark.storage.StorageOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every option of the compaction job. */
public final class CompactionOptions {

    public static final JobOption<String> LAKE = JobOption.required("lake", Parsers::lakeUri,
            "lake root: file:///…, s3a://bucket[/prefix] or s3://bucket[/prefix]");
    public static final JobOption<List<HourPartition>> HOURS = JobOption.optional("hour", CompactionOptions::hours,
            "hour(s) to compact, UTC, comma-separated: 2026-11-20T14; empty = every closed hour within lookback");
    public static final JobOption<Duration> LOOKBACK = JobOption.withDefault("lookback", "48h",
            Parsers::nonNegativeDuration, "without 'hour': how far back to look for closed hours with raw data");
    public static final JobOption<Duration> CLOSE_GRACE = JobOption.withDefault("close-grace", "15m",
            Parsers::nonNegativeDuration, "an hour is closed (compactable) once its end plus this has passed");
    public static final JobOption<Long> TARGET_FILE_SIZE = JobOption.withDefault("target-file-size", "128MB",
            Parsers.bytesBetween(1L << 20, 1L << 34), "size a compacted file is rolled at");
    public static final JobOption<Long> ROW_GROUP_SIZE = JobOption.withDefault("row-group-size", "16MB",
            Parsers.bytesBetween(1L << 20, 1L << 31),
            "Parquet row-group size: at 20-40 B per compressed tick 16MB is 400k-800k rows, small enough for "
                    + "readers to skip groups by symbol and to read a file on several cores");
    public static final JobOption<Duration> OLD_VERSION_GRACE = JobOption.withDefault("old-version-grace", "1h",
            Parsers::nonNegativeDuration, "how long a superseded version's files stay for readers still using them");
    public static final JobOption<String> ON_BAD_FILE = JobOption.withDefault("on-bad-file", "fail",
            Parsers.oneOf("fail", "skip"),
            "a corrupt or foreign file in a raw partition: fail the hour, or skip it (reported either way)");

    public static final List<JobOption<?>> ALL;

    static {
        List<JobOption<?>> all = new ArrayList<>(List.of(LAKE, HOURS, LOOKBACK, CLOSE_GRACE, TARGET_FILE_SIZE,
                ROW_GROUP_SIZE, OLD_VERSION_GRACE, ON_BAD_FILE));
        all.addAll(StorageOptions.ALL);
        ALL = List.copyOf(all);
    }

    private CompactionOptions() {
    }

    private static List<HourPartition> hours(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(HourPartition::parse).distinct().sorted().toList();
    }
}
