package io.ticklake.analytics.run;

import io.ticklake.analytics.time.TimeRange;
import java.util.List;
import java.util.Optional;

/**
 * What a run did.
 *
 * @param scope   what was asked for
 * @param changed the compacted hours read (empty when the lake had nothing to build from)
 * @param models  one result per model, in run order
 * @param millis  wall time of the whole run
 */
public record RunResult(BuildScope scope, Optional<TimeRange> changed, List<ModelResult> models, long millis) {

    public RunResult {
        models = List.copyOf(models);
    }

    public ModelResult model(String name) {
        return models.stream().filter(m -> m.model().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for model '" + name + "'"));
    }
}
