package io.ticklake.spark.compaction;

/** What compaction did with one hour. */
public enum HourStatus {
    /** A new version was written and published. */
    PUBLISHED,
    /** The raw input is the one the current version was built from: nothing to do. */
    UNCHANGED,
    /** The hour has no raw files. */
    NO_INPUT
}
