package io.ticklake.spark.compaction;

/** The points of a batch's compaction at which a listener is told (and where tests inject failures). */
public enum CompactionStep {
    /** The batch is planned; nothing is written yet. */
    BEFORE_WRITE,
    /** The batch's data files are written; nothing is visible yet (the commit is next). */
    AFTER_WRITE,
    /** The batch is committed: readers see its hours' new rows. */
    AFTER_COMMIT
}
