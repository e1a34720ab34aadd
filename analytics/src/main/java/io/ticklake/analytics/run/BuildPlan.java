package io.ticklake.analytics.run;

import io.ticklake.analytics.time.TimeRange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The range each model is rebuilt for in one run, in run order; an empty range means the model is
 * untouched.
 *
 * @param changed the compacted hours the run reads
 * @param ranges  model name to the range its rows are recomputed for
 */
public record BuildPlan(TimeRange changed, Map<String, TimeRange> ranges) {

    public BuildPlan {
        ranges = Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
    }

    public TimeRange rangeOf(String model) {
        TimeRange range = ranges.get(model);
        if (range == null) {
            throw new IllegalArgumentException("model '" + model + "' is not in the plan");
        }
        return range;
    }
}
