package io.ticklake.analytics.run;

import io.ticklake.analytics.time.TimeRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run did.
 *
 * @param scope    what was asked for
 * @param snapshot the table snapshot read, as text (e.g. {@code snapshot 42 (24 hours)})
 * @param changed  the ranges of compacted hours rebuilt, one pass each (empty when nothing was to build)
 * @param models   one result per model, in run order, summed over the passes
 * @param millis   wall time of the whole run
 */
public record RunResult(BuildScope scope, String snapshot, List<TimeRange> changed, List<ModelResult> models,
                        long millis) {

    public RunResult {
        changed = List.copyOf(changed);
        models = List.copyOf(models);
    }

    /** One result per model from the passes' results (each in run order). */
    static List<ModelResult> combine(List<List<ModelResult>> passes) {
        Map<String, ModelResult> combined = new LinkedHashMap<>();
        for (List<ModelResult> pass : passes) {
            for (ModelResult result : pass) {
                combined.merge(result.model(), result, ModelResult::plus);
            }
        }
        return List.copyOf(combined.values());
    }

    public ModelResult model(String name) {
        return models.stream().filter(m -> m.model().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for model '" + name + "'"));
    }
}
