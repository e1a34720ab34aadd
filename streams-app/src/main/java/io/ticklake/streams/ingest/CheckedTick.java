package io.ticklake.streams.ingest;

import io.ticklake.schemas.StockTick;

/**
 * A record of {@code stock-ticks} on its way through the checks: the decoded tick (when it could be
 * decoded), the original value bytes (kept for the dead-letter queue), and, once a check turned it
 * away, the stage and error. Immutable.
 */
public final class CheckedTick {

    private final StockTick tick;
    private final byte[] rawValue;
    private final DlqStage rejectedAt;
    private final String errorClass;
    private final String errorMessage;

    private CheckedTick(StockTick tick, byte[] rawValue, DlqStage rejectedAt, String errorClass, String errorMessage) {
        this.tick = tick;
        this.rawValue = rawValue;
        this.rejectedAt = rejectedAt;
        this.errorClass = errorClass;
        this.errorMessage = errorMessage;
    }

    /** A tick read from {@code rawValue}, not checked yet. */
    public static CheckedTick decoded(StockTick tick, byte[] rawValue) {
        return new CheckedTick(tick, rawValue, null, null, null);
    }

    /** A value that is not a readable tick. */
    public static CheckedTick undecodable(byte[] rawValue, Throwable error) {
        return new CheckedTick(null, rawValue, DlqStage.DESERIALIZE, error.getClass().getName(), error.getMessage());
    }

    /** This record, turned away at {@code stage} for {@code error}. */
    public CheckedTick reject(DlqStage stage, Throwable error) {
        return new CheckedTick(tick, rawValue, stage, error.getClass().getName(), error.getMessage());
    }

    /** Whether every check so far let it through. */
    public boolean accepted() {
        return rejectedAt == null;
    }

    /** The decoded tick, or null when it could not be decoded. */
    public StockTick tick() {
        return tick;
    }

    /** The value bytes exactly as they were on the input topic (null for a record without value). */
    public byte[] rawValue() {
        return rawValue;
    }

    public DlqStage rejectedAt() {
        return rejectedAt;
    }

    public String errorClass() {
        return errorClass;
    }

    public String errorMessage() {
        return errorMessage;
    }

    @Override
    public String toString() {
        return accepted() ? "CheckedTick{" + tick + "}"
                : "CheckedTick{rejected at " + rejectedAt.label() + ": " + errorClass + ": " + errorMessage + "}";
    }
}
