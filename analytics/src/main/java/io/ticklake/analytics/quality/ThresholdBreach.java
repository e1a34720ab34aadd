package io.ticklake.analytics.quality;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A row of a model whose threshold column lies above a level.
 *
 * @param level  {@code warn} or {@code fail}
 * @param model  the model
 * @param column the threshold column
 * @param limit  the level it exceeds
 * @param value  the row's value
 * @param key    the row's unique key (for the quality model: symbol and hour), as text
 */
public record ThresholdBreach(String level, String model, String column, double limit, double value,
                              Map<String, String> key) {

    public ThresholdBreach {
        key = Map.copyOf(key);
    }

    @Override
    public String toString() {
        String where = key.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return model + " " + where + ": " + column + " = " + value + " above the " + level + " level " + limit
                + " (--" + QualitySettings.option(column, level) + ")";
    }
}
