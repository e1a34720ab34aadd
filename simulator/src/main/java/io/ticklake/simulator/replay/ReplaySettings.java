package io.ticklake.simulator.replay;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * How to read and replay a CSV file.
 *
 * @param zone          zone of times without an offset, and of daily bars' session
 * @param symbol        symbol of a file without a symbol column; null derives it from the file name
 * @param badLines      what to do with a malformed line
 * @param barLength     length of an intraday bar (its time column is the bar's start)
 * @param sessionOpen   when a daily bar's session opens, in {@code zone}
 * @param sessionLength how long a daily bar's session lasts
 * @param ticksPerBar   ticks a bar turns into, at least 4 (open, both extremes, close)
 * @param speed         0 keeps the original event times and sends as fast as possible; {@code > 0} re-bases
 *                      event times to now, compressed by this factor, and sends them in real time
 * @param firstSequence first sequence number of each symbol when the file has none
 */
public record ReplaySettings(ZoneId zone, String symbol, BadLinePolicy badLines, Duration barLength,
                             LocalTime sessionOpen, Duration sessionLength, int ticksPerBar, double speed,
                             long firstSequence) {

    public static final int MIN_TICKS_PER_BAR = 4;

    public ReplaySettings {
        if (barLength.isNegative() || barLength.isZero()) {
            throw new IllegalArgumentException("bar length must be positive, was " + barLength);
        }
        if (sessionLength.isNegative() || sessionLength.isZero()) {
            throw new IllegalArgumentException("session length must be positive, was " + sessionLength);
        }
        if (ticksPerBar < MIN_TICKS_PER_BAR) {
            throw new IllegalArgumentException("ticks per bar must be >= " + MIN_TICKS_PER_BAR + ", was " + ticksPerBar);
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be 0 (original times) or a positive factor, was " + speed);
        }
    }

    /** US-equity defaults: New York time, 1-minute intraday bars, 09:30 + 6.5 h sessions, 4 ticks per bar. */
    public static ReplaySettings defaults() {
        return new ReplaySettings(ZoneId.of("America/New_York"), null, BadLinePolicy.FAIL, Duration.ofMinutes(1),
                LocalTime.of(9, 30), Duration.ofMinutes(390), MIN_TICKS_PER_BAR, 0, 1);
    }

    public ReplaySettings withSymbol(String value) {
        return new ReplaySettings(zone, value, badLines, barLength, sessionOpen, sessionLength, ticksPerBar, speed,
                firstSequence);
    }

    public ReplaySettings withBadLines(BadLinePolicy value) {
        return new ReplaySettings(zone, symbol, value, barLength, sessionOpen, sessionLength, ticksPerBar, speed,
                firstSequence);
    }

    public ReplaySettings withSpeed(double value) {
        return new ReplaySettings(zone, symbol, badLines, barLength, sessionOpen, sessionLength, ticksPerBar, value,
                firstSequence);
    }

    public ReplaySettings withTicksPerBar(int value) {
        return new ReplaySettings(zone, symbol, badLines, barLength, sessionOpen, sessionLength, value, speed,
                firstSequence);
    }

    public ReplaySettings withBarLength(Duration value) {
        return new ReplaySettings(zone, symbol, badLines, value, sessionOpen, sessionLength, ticksPerBar, speed,
                firstSequence);
    }

    public boolean rebased() {
        return speed > 0;
    }
}
