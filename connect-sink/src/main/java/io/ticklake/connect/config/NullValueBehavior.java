package io.ticklake.connect.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the sink does with a tombstone (a record whose value is null). */
public enum NullValueBehavior {
    /** Skip it; its offset still counts as processed. */
    IGNORE,
    /** Stop the task with an error that names the record. */
    FAIL;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> configValues() {
        return Arrays.stream(values()).map(NullValueBehavior::configValue).toList();
    }

    public static NullValueBehavior fromConfigValue(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
