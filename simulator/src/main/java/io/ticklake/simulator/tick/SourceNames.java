package io.ticklake.simulator.tick;

/** Values of the {@code StockTick.source} field written by this module's sources. */
public final class SourceNames {

    public static final String SIMULATOR = "SIMULATOR";
    public static final String REPLAY = "REPLAY";
    public static final String ALPHA_VANTAGE = "ALPHA_VANTAGE";

    private SourceNames() {
    }
}
