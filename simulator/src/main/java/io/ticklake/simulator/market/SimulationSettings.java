package io.ticklake.simulator.market;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to simulate.
 *
 * @param symbols        the symbols and how each trades
 * @param ticksPerSecond long-run average rate over all symbols (event time)
 * @param seed           fixes every random draw: the same settings give the same ticks
 * @param start          event time of the simulation's start
 * @param firstSequence  the first {@code sequence} number of each symbol
 */
public record SimulationSettings(List<SymbolProfile> symbols, double ticksPerSecond, long seed, Instant start,
                                 long firstSequence) {

    /** Highest rate the event-time model accepts; far above what one producer sends. */
    public static final double MAX_TICKS_PER_SECOND = 10_000_000;

    public SimulationSettings {
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("at least one symbol is required");
        }
        symbols = List.copyOf(symbols);
        Set<String> seen = new HashSet<>();
        for (SymbolProfile profile : symbols) {
            if (!seen.add(profile.symbol())) {
                throw new IllegalArgumentException("symbol " + profile.symbol() + " is listed twice");
            }
        }
        if (!(ticksPerSecond > 0) || ticksPerSecond > MAX_TICKS_PER_SECOND) {
            throw new IllegalArgumentException("ticksPerSecond must be > 0 and <= " + (long) MAX_TICKS_PER_SECOND
                    + ", was " + ticksPerSecond);
        }
        if (start == null) {
            throw new IllegalArgumentException("start is required");
        }
        if (firstSequence < 0) {
            throw new IllegalArgumentException("firstSequence must be >= 0, was " + firstSequence);
        }
    }

    /** The default market at {@code ticksPerSecond}, starting at {@code start}, sequences from 1. */
    public static SimulationSettings defaults(double ticksPerSecond, long seed, Instant start) {
        return new SimulationSettings(DefaultSymbols.profiles(), ticksPerSecond, seed, start, 1);
    }
}
