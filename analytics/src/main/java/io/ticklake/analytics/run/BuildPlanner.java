package io.ticklake.analytics.run;

import io.ticklake.analytics.model.Materialization;
import io.ticklake.analytics.model.ModelCatalog;
import io.ticklake.analytics.model.ModelDefinition;
import io.ticklake.analytics.time.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which range of each model a run recomputes, so that an incremental run writes exactly what a
 * full run would.
 *
 * <ul>
 *   <li>A model reading the lake is recomputed for the changed hours, plus its {@code lookahead} before
 *       them and its {@code lookback} after them (the hours whose rows read the changed ones).</li>
 *   <li>A model reading other models is recomputed wherever any input changed, plus its
 *       {@code lookback} after that (a 1-hour moving average at 15:30 reads 14:31..15:30, so a change
 *       at 14:00..15:00 reaches it), widened to its grain.</li>
 *   <li>Nothing past the last published day is written.</li>
 *   <li>A {@code table} model is not kept between runs, so it is also computed as far back as the
 *       models reading it look back.</li>
 * </ul>
 */
public final class BuildPlanner {

    private BuildPlanner() {
    }

    public static BuildPlan plan(ModelCatalog catalog, TimeRange changed, Instant clipEnd) {
        Map<String, TimeRange> ranges = new LinkedHashMap<>();
        for (ModelDefinition model : catalog.models()) {
            TimeRange range;
            if (model.readsLake()) {
                range = changed.extendStart(model.lookahead()).extendEnd(model.lookback());
            } else {
                range = null;
                for (String dependency : model.dependsOn()) {
                    TimeRange input = ranges.get(dependency);
                    if (!input.isEmpty()) {
                        range = range == null ? input : range.span(input);
                    }
                }
                range = range == null ? new TimeRange(changed.start(), changed.start())
                        : range.extendEnd(model.lookback());
            }
            if (!range.isEmpty()) {
                range = range.alignTo(model.grain()).clipEnd(clipEnd);
            }
            ranges.put(model.name(), range);
        }
        List<ModelDefinition> reversed = new ArrayList<>(catalog.models());
        Collections.reverse(reversed);
        for (ModelDefinition model : reversed) {
            if (model.materialization() != Materialization.TABLE || ranges.get(model.name()).isEmpty()) {
                continue;
            }
            TimeRange range = ranges.get(model.name());
            for (ModelDefinition reader : catalog.dependentsOf(model.name())) {
                TimeRange readerRange = ranges.get(reader.name());
                if (!readerRange.isEmpty()) {
                    range = range.span(readerRange.extendStart(reader.lookback()));
                }
            }
            ranges.put(model.name(), range);
        }
        return new BuildPlan(changed, ranges);
    }
}
