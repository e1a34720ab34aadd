package io.ticklake.simulator.alphavantage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The free tier's allowance: at most {@code perMinute} calls in any 60 seconds and {@code perDay}
 * calls per calendar day in the service's zone. Asked before each call, it says how long to wait,
 * or that the day's budget is gone and when the next day begins.
 */
public final class CallBudget {

    public static final int FREE_TIER_PER_MINUTE = 5;
    public static final int FREE_TIER_PER_DAY = 25;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final int perDay;
    private final ZoneId zone;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private LocalDate day;
    private int usedToday;

    public CallBudget(int perMinute, int perDay, ZoneId zone, Clock clock) {
        if (perMinute < 1 || perDay < 1) {
            throw new IllegalArgumentException("calls per minute and per day must be >= 1, were " + perMinute
                    + " and " + perDay);
        }
        this.perMinute = perMinute;
        this.perDay = perDay;
        this.zone = zone;
        this.clock = clock;
    }

    /** How long to wait before the next call may go; zero when it may go now. */
    public Duration waitBeforeNextCall() {
        Instant now = clock.instant();
        rollDay(now);
        if (usedToday >= perDay) {
            return Duration.between(now, nextDayStart(now));
        }
        while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) {
            recent.removeFirst();
        }
        if (recent.size() < perMinute) {
            return Duration.ZERO;
        }
        return Duration.between(now, recent.peekFirst().plus(WINDOW));
    }

    /** Whether today's calls are all used. */
    public boolean dayExhausted() {
        rollDay(clock.instant());
        return usedToday >= perDay;
    }

    /** Counts a call made now. */
    public void recordCall() {
        Instant now = clock.instant();
        rollDay(now);
        usedToday++;
        recent.addLast(now);
    }

    /** The service said the day's allowance is gone (it may count calls this process did not make). */
    public void exhaustToday() {
        rollDay(clock.instant());
        usedToday = Math.max(usedToday, perDay);
    }

    /** When the next day's budget starts. */
    public Instant nextDayStart(Instant now) {
        return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    public int usedToday() {
        rollDay(clock.instant());
        return usedToday;
    }

    public int perDay() {
        return perDay;
    }

    public int perMinute() {
        return perMinute;
    }

    public ZoneId zone() {
        return zone;
    }

    private void rollDay(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            usedToday = 0;
        }
    }
}
