package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import java.util.List;

/** Another writer kept committing to the same hours; every attempt's files were left out of the table. */
public final class CompactionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CompactionConflictException(List<HourPartition> hours, int attempts, Throwable conflict) {
        super("compaction of hour(s) " + describe(hours) + " conflicted with another commit " + attempts
                + " time(s) and gave up: " + conflict.getMessage(), conflict);
    }

    private static String describe(List<HourPartition> hours) {
        return hours.size() <= 3 ? hours.toString() : hours.get(0) + " .. " + hours.get(hours.size() - 1)
                + " (" + hours.size() + " hours)";
    }
}
