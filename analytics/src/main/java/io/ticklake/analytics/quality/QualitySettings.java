package io.ticklake.analytics.quality;

import io.ticklake.analytics.model.Threshold;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration of the data-quality model and its checks.
 *
 * @param graceMs   the streams-app's grace ({@code ticklake.grace.ms}): a tick whose 1-minute window ended
 *                  this long before stream time is late
 * @param overrides threshold levels given as {@code --quality.<column>.warn|fail <number|off>}, keyed by
 *                  the option name without dashes ({@code quality.gap-ratio.fail})
 */
public record QualitySettings(long graceMs, Map<String, String> overrides) {

    /** The streams-app's default grace. */
    public static final long DEFAULT_GRACE_MS = 10_000;
    /** {@code quality.<column with dashes>.warn} or {@code .fail}. */
    public static final Pattern THRESHOLD_OPTION = Pattern.compile("quality\\.([a-z0-9-]+)\\.(warn|fail)");

    public QualitySettings {
        if (graceMs < 0) {
            throw new IllegalArgumentException("grace must not be negative: " + graceMs);
        }
        Objects.requireNonNull(overrides, "overrides");
        overrides.forEach((option, value) -> {
            if (!THRESHOLD_OPTION.matcher(option).matches()) {
                throw new IllegalArgumentException("--" + option + " is not a threshold option (--quality.<column>.warn|fail)");
            }
            Threshold.parseLevel(value, "--" + option);
        });
        overrides = Map.copyOf(overrides);
    }

    /** The threshold options among command-line options. */
    public static Map<String, String> thresholdOptions(Map<String, String> options) {
        Map<String, String> found = new TreeMap<>();
        options.forEach((name, value) -> {
            if (THRESHOLD_OPTION.matcher(name).matches()) {
                found.put(name, value);
            }
        });
        return found;
    }

    /** The option that sets a column's level: {@code quality.gap-ratio.fail} for gap_ratio's fail level. */
    public static String option(String column, String level) {
        return "quality." + column.replace('_', '-') + "." + level;
    }

    /** The model's declared levels with this configuration's overrides applied. */
    public Threshold apply(Threshold declared) {
        return new Threshold(declared.column(), level(declared.column(), "warn", declared.warn()),
                level(declared.column(), "fail", declared.fail()));
    }

    private OptionalDouble level(String column, String level, OptionalDouble declared) {
        String option = option(column, level);
        String value = overrides.get(option);
        return value == null ? declared : Threshold.parseLevel(value, "--" + option);
    }

    /** The column an override option names. */
    public static String column(String option) {
        Matcher m = THRESHOLD_OPTION.matcher(option);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a threshold option: " + option);
        }
        return m.group(1).replace('-', '_');
    }
}
