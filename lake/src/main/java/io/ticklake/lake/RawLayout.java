package io.ticklake.lake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where raw files live below the lake root:
 * {@code raw/stock_ticks/year=YYYY/month=MM/day=DD/hour=HH/<files>.parquet}, the hour being that of
 * {@code event_time} in UTC. Raw files are immutable; writers name them so a replay rewrites the same name.
 */
public final class RawLayout {

    /** The raw table's directory, relative to the lake root. */
    public static final String RAW_TABLE = "raw/stock_ticks";
    /** The raw alerts' directory ({@link RawAlertColumns}), laid out in hours like the ticks. */
    public static final String RAW_ALERTS_TABLE = "raw/stock_alerts";
    /** The landed dead letters ({@link RawDeadLetterColumns}), in hours of their Kafka timestamp. */
    public static final String RAW_DEAD_LETTERS_TABLE = "raw/stock_ticks_dlq";

    private static final Pattern HOUR_PATH =
            Pattern.compile("(?:^|/)year=(\\d{4})/month=(\\d{2})/day=(\\d{2})/hour=(\\d{2})/?$");

    private RawLayout() {
    }

    /** The start of the UTC hour an instant falls in. */
    public static Instant hourOf(Instant time) {
        return time.truncatedTo(ChronoUnit.HOURS);
    }

    /** {@code year=YYYY/month=MM/day=DD/hour=HH} of the hour holding {@code time}. */
    public static String partitionPath(Instant time) {
        ZonedDateTime t = time.atZone(ZoneOffset.UTC);
        return String.format("year=%04d/month=%02d/day=%02d/hour=%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour());
    }

    /** The raw directory of the hour holding {@code time}, relative to the lake root. */
    public static String hourDirectory(Instant time) {
        return hourDirectory(RAW_TABLE, time);
    }

    /** The directory of the hour holding {@code time} in a raw table ({@link #RAW_TABLE}, {@link #RAW_ALERTS_TABLE}, {@link #RAW_DEAD_LETTERS_TABLE}). */
    public static String hourDirectory(String rawTable, Instant time) {
        return rawTable + "/" + partitionPath(time);
    }

    /** The hour a partition path ends in ({@code …/year=…/month=…/day=…/hour=HH}), if it is one. */
    public static Optional<Instant> parseHour(String path) {
        Matcher m = HOUR_PATH.matcher(path);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), 0, 0, 0, ZoneOffset.UTC).toInstant());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
