package io.ticklake.e2e.reference;

/** What the streams app must do with an input record. */
public enum Verdict {
    /** counted in the KPIs */
    ACCEPTED,
    /** breaks the StockTick contract: DLQ stage {@code validate} */
    INVALID,
    /** valid, but its window closed before it came: DLQ stage {@code late} */
    LATE,
    /** valid and on time, but its trade (symbol, sequence) was already counted: dropped, not dead-lettered */
    DUPLICATE
}
