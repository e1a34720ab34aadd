package io.ticklake.simulator.inject;

import java.time.Instant;

/**
 * One injected irregularity, so a test downstream can find exactly the ticks that should be late,
 * duplicated, reordered or rejected.
 *
 * @param kind      what was injected
 * @param detail    the invalid kind for {@link InjectionKind#INVALID}, the shift for {@link InjectionKind#LATE}
 * @param symbol    the original tick's symbol (an invalid copy may have lost it)
 * @param sequence  the tick's sequence number
 * @param eventTime the event time as sent
 */
public record InjectedTick(InjectionKind kind, String detail, String symbol, long sequence, Instant eventTime) {
}
