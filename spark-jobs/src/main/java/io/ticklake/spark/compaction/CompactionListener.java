package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;

/**
 * Told as an hour's compaction passes each {@link CompactionStep}. An exception thrown here stops the run
 * at that point, exactly as a crash would, which is how the fault tests interrupt it.
 */
@FunctionalInterface
public interface CompactionListener {

    CompactionListener NONE = (step, hour, version) -> { };

    void onStep(CompactionStep step, HourPartition hour, long version) throws Exception;
}
