package io.ticklake.connect.partition;

import io.ticklake.lake.RawLayout;
import java.time.Instant;

/**
 * Maps a timestamp to its hour directory as the lake contract lays it out
 * ({@link RawLayout#partitionPath}: {@code year=YYYY/month=MM/day=DD/hour=HH}, UTC, zero-padded).
 * Not thread-safe: it remembers the last hour because consecutive ticks mostly share it.
 */
public final class HourPartitioner {

    private static final long HOUR_MS = 3_600_000L;
    /** 0001-01-01T00:00Z and 9999-12-31T23:59:59.999Z: years that fit the layout's four digits. */
    private static final long MIN_MS = -62_135_596_800_000L;
    private static final long MAX_MS = 253_402_300_799_999L;

    private long cachedHour = Long.MIN_VALUE;
    private String cachedPath;

    /** The directory of {@code epochMillis}; throws {@link IllegalArgumentException} outside years 1..9999. */
    public String path(long epochMillis) {
        long hour = Math.floorDiv(epochMillis, HOUR_MS);
        if (hour != cachedHour) {
            cachedPath = format(epochMillis);
            cachedHour = hour;
        }
        return cachedPath;
    }

    /** True when {@code epochMillis} has a four-digit UTC year, i.e. a directory. */
    public static boolean isPartitionable(long epochMillis) {
        return epochMillis >= MIN_MS && epochMillis <= MAX_MS;
    }

    private static String format(long epochMillis) {
        // the layout would print five-digit or negative years; such a record goes to the DLQ instead
        if (!isPartitionable(epochMillis)) {
            throw new IllegalArgumentException("timestamp " + epochMillis + " ms is outside the years 0001-9999");
        }
        return RawLayout.partitionPath(Instant.ofEpochMilli(epochMillis));
    }
}
