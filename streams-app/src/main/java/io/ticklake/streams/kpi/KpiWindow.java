package io.ticklake.streams.kpi;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tumbling window size with the label it carries in {@code WindowKpi.window}: {@code 1m},
 * {@code 5m}, {@code 15m}, {@code 1h}. Windows are aligned to the epoch (UTC), so a window's start is
 * the event time rounded down to a multiple of its size.
 *
 * @param label  the label, e.g. {@code 15m}
 * @param sizeMs the size in milliseconds, a whole number of minutes
 */
public record KpiWindow(String label, long sizeMs) {

    public static final long MINUTE_MS = Duration.ofMinutes(1).toMillis();
    public static final long HOUR_MS = Duration.ofHours(1).toMillis();
    /** The base window every KPI is built from. */
    public static final KpiWindow ONE_MINUTE = new KpiWindow("1m", MINUTE_MS);

    private static final Pattern LABEL = Pattern.compile("(\\d{1,6})([mh])");

    public KpiWindow {
        if (sizeMs <= 0 || sizeMs % MINUTE_MS != 0) {
            throw new IllegalArgumentException("a KPI window is a positive whole number of minutes, not " + sizeMs
                    + " ms");
        }
    }

    /** Parses {@code <n>m} or {@code <n>h}; the label is normalised (60m becomes 1h). */
    public static KpiWindow parse(String text) {
        Matcher matcher = LABEL.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a window size: use <minutes>m or <hours>h,"
                    + " e.g. 5m, 15m, 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return ofMillis(matcher.group(2).equals("h") ? amount * HOUR_MS : amount * MINUTE_MS);
    }

    /** The window of a size in milliseconds, labelled in hours when whole hours, else in minutes. */
    public static KpiWindow ofMillis(long sizeMs) {
        String label = sizeMs % HOUR_MS == 0 ? sizeMs / HOUR_MS + "h" : sizeMs / MINUTE_MS + "m";
        return new KpiWindow(label, sizeMs);
    }

    /** Start of the window holding {@code timestamp}. */
    public long startOf(long timestamp) {
        return Math.floorDiv(timestamp, sizeMs) * sizeMs;
    }

    @Override
    public String toString() {
        return label;
    }
}
