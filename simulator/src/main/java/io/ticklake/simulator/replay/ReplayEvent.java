package io.ticklake.simulator.replay;

import java.time.Instant;

/** One data row of a replay file: a {@link Bar} or a {@link RecordedTick}. */
public sealed interface ReplayEvent permits Bar, RecordedTick {

    String symbol();

    /** When the event starts (a bar's open, a tick's event time). */
    Instant time();

    /** Line of the file the event was read from, for messages. */
    long line();
}
