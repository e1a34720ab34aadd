package io.ticklake.analytics.model;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A column of a model checked by the {@code quality} command: a row whose value is above {@code warn} is
 * reported, above {@code fail} fails the check. Declared in the model's header with its default levels
 * ({@code -- threshold: gap_ratio warn=0.001 fail=0.05}); configuration overrides them.
 *
 * @param column the model column compared
 * @param warn   level above which a row is reported, if any
 * @param fail   level above which a row fails the check, if any
 */
public record Threshold(String column, OptionalDouble warn, OptionalDouble fail) {

    public Threshold {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(warn, "warn");
        Objects.requireNonNull(fail, "fail");
    }

    /** {@code <column> [warn=<number>|off] [fail=<number>|off]}. */
    public static Threshold parse(String text) {
        String[] words = text.trim().split("\\s+");
        OptionalDouble warn = OptionalDouble.empty();
        OptionalDouble fail = OptionalDouble.empty();
        for (int i = 1; i < words.length; i++) {
            String[] pair = words[i].split("=", 2);
            if (pair.length != 2 || !(pair[0].equals("warn") || pair[0].equals("fail"))) {
                throw new IllegalArgumentException("threshold '" + text + "': '" + words[i]
                        + "' must be warn=<number> or fail=<number>");
            }
            OptionalDouble level = parseLevel(pair[1], "threshold '" + text + "'");
            if (pair[0].equals("warn")) {
                warn = level;
            } else {
                fail = level;
            }
        }
        return new Threshold(words[0], warn, fail);
    }

    /** A level: a finite number, or {@code off} for none. */
    public static OptionalDouble parseLevel(String text, String what) {
        if (text.trim().equalsIgnoreCase("off")) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) {
                return OptionalDouble.of(value);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(what + ": '" + text + "' must be a number or off");
    }
}
