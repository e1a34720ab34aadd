package io.ticklake.streams.kpi;

import java.util.Locale;

/** When KPIs are written to {@code stock-kpis}. */
public enum EmitMode {
    /**
     * Every update of a window, as the record cache forwards it: at most once per window and commit
     * interval ({@code commit.interval.ms}), every tick when {@code statestore.cache.max.bytes=0}.
     */
    UPDATE,
    /** Once per window, when it closes (stream time passed its end plus grace). */
    FINAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EmitMode parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
