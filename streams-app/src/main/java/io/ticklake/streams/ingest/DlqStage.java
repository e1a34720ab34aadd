package io.ticklake.streams.ingest;

/** Where a tick was turned away; its {@link #label()} is the DLQ's {@code dlq.error.stage} header. */
public enum DlqStage {
    /** The value could not be read as a {@code StockTick} (garbage, wrong magic byte, unknown schema id, no value). */
    DESERIALIZE("deserialize"),
    /** A readable tick that breaks a rule of the contract (symbol, price, volume, event time, key). */
    VALIDATE("validate"),
    /** A valid tick whose 1-minute window had already closed (event time older than stream time minus grace). */
    LATE("late");

    private final String label;

    DlqStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
