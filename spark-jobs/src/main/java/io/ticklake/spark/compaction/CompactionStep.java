package io.ticklake.spark.compaction;

/** The points of one hour's compaction at which a listener is told (and where tests inject failures). */
public enum CompactionStep {
    /** The plan is made; nothing is written yet. */
    BEFORE_WRITE,
    /** The new version's data files are written; nothing is visible yet. */
    AFTER_WRITE,
    /** The new manifest is staged (written under a hidden name locally); readers still see the old hour. */
    BEFORE_PUBLISH,
    /** The new manifest is published; old versions are not yet cleaned up. */
    AFTER_PUBLISH
}
