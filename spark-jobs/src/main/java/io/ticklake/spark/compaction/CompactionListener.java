package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import java.util.List;

/**
 * Told as each batch of hours passes a {@link CompactionStep}. An exception thrown here stops the run at
 * that point, exactly as a crash would, which is how the fault tests interrupt it; blocking here holds the
 * run there (the concurrent-commit tests meet at a barrier before committing).
 */
@FunctionalInterface
public interface CompactionListener {

    CompactionListener NONE = (step, hours, attempt) -> { };

    /** @param attempt 1 for the first try of the batch, higher after a commit conflict */
    void onStep(CompactionStep step, List<HourPartition> hours, int attempt) throws Exception;
}
