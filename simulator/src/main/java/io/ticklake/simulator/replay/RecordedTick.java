package io.ticklake.simulator.replay;

import java.time.Instant;

/**
 * A tick row of a replay file.
 *
 * @param sequence the file's sequence number, or null when the file has none (the replay numbers ticks then)
 */
public record RecordedTick(String symbol, Instant time, double price, long volume, Double bid, Double ask,
                           Long sequence, long line) implements ReplayEvent {
}
