package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.options.JobOption;
import io.ticklake.spark.options.Parsers;
import io.ticklake.spark.storage.StorageOptions;
import io.ticklake.spark.table.CatalogOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every option of the compaction job. */
public final class CompactionOptions {

    public static final JobOption<String> LAKE = JobOption.required("lake", Parsers::lakeUri,
            "lake root: file:///…, s3a://bucket[/prefix] or s3://bucket[/prefix]");
    public static final JobOption<List<HourPartition>> HOURS = JobOption.optional("hour", CompactionOptions::hours,
            "hour(s) to compact, UTC, comma-separated: 2026-11-20T14; also compacted besides the lookback or range");
    public static final JobOption<HourPartition> FROM = JobOption.optional("from", HourPartition::parse,
            "first hour of a range to compact (UTC, inclusive), e.g. 2025-01-01T00; with 'to' replaces the lookback");
    public static final JobOption<HourPartition> TO = JobOption.optional("to", HourPartition::parse,
            "end of the range (UTC, exclusive); default: now");
    public static final JobOption<Duration> LOOKBACK = JobOption.withDefault("lookback", "48h",
            Parsers::nonNegativeDuration, "without 'from': how far back to look for closed hours whose raw data changed");
    public static final JobOption<Duration> CLOSE_GRACE = JobOption.withDefault("close-grace", "15m",
            Parsers::nonNegativeDuration, "an hour is closed (compactable) once its end plus this has passed");
    public static final JobOption<Long> TARGET_FILE_SIZE = JobOption.withDefault("target-file-size", "128MB",
            Parsers.bytesBetween(1L << 20, 1L << 34), "size a table data file is rolled at");
    public static final JobOption<Long> ROW_GROUP_SIZE = JobOption.withDefault("row-group-size", "4MB",
            Parsers.bytesBetween(1L << 20, 1L << 31),
            "Parquet row-group size: at about 18 B per compressed tick 4MB is about 230k rows, so a reader "
                    + "of one symbol skips most groups by their statistics (16MB read 4x the rows)");
    public static final JobOption<Long> HOURS_PER_COMMIT = JobOption.withDefault("hours-per-commit", "500",
            Parsers.longAtLeast(1), "changed hours written by one Spark job and replaced by one Iceberg commit "
                    + "(an hour with at least target-file-size of raw data gets a commit of its own)");
    public static final JobOption<Long> COMMIT_RETRIES = JobOption.withDefault("commit-retries", "3",
            Parsers.longAtLeast(0), "how often a batch whose commit conflicted with another writer is planned "
                    + "and written again from the table's new state before the job fails naming the hours");
    public static final JobOption<String> ON_BAD_FILE = JobOption.withDefault("on-bad-file", "fail",
            Parsers.oneOf("fail", "skip"),
            "a corrupt or foreign file in a raw partition: fail the hour, or skip it (reported either way)");

    public static final List<JobOption<?>> ALL;

    static {
        List<JobOption<?>> all = new ArrayList<>(List.of(LAKE, HOURS, FROM, TO, LOOKBACK, CLOSE_GRACE,
                TARGET_FILE_SIZE, ROW_GROUP_SIZE, HOURS_PER_COMMIT, COMMIT_RETRIES, ON_BAD_FILE));
        all.addAll(CatalogOptions.ALL);
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
