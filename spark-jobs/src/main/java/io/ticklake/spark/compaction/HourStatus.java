package io.ticklake.spark.compaction;

/** What compaction did with one hour. */
public enum HourStatus {
    /** The hour's rows were replaced in the table by a new commit. */
    PUBLISHED,
    /** The raw input is the one the table last took for the hour: nothing to do. */
    UNCHANGED,
    /** The hour has no raw files. */
    NO_INPUT
}
