package io.ticklake.analytics.model;

import java.util.Locale;

/** What a model that reads no other model reads from the lake; independent models run in this order. */
public enum Source {
    /** The Iceberg table {@code ticklake.ticks}, as {@code compacted_ticks} and {@code compacted_hours}. */
    COMPACTED,
    /** The raw alerts table ({@code raw/stock_alerts}) as {@code raw_alerts}. */
    ALERTS,
    /** The raw layer, every landed record including duplicates and re-landings, as {@code raw_ticks}. */
    RAW;

    public static Source parse(String text) {
        for (Source s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown source '" + text + "' (allowed: compacted, raw, alerts)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
