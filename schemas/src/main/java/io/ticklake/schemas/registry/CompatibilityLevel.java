package io.ticklake.schemas.registry;

import java.util.Locale;

/** Compatibility levels of the Confluent API. */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    /** Parses a level as the registry spells it, naming the legal values when it is unknown. */
    public static CompatibilityLevel parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown compatibility level '" + value + "'; expected one of "
                    + java.util.Arrays.toString(values()));
        }
    }
}
