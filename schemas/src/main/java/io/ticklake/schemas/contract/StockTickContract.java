package io.ticklake.schemas.contract;

import io.ticklake.schemas.StockTick;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a {@code stock-ticks} record must keep to count anywhere: its value's (a symbol of
 * {@code [A-Z0-9.\-]{1,12}}, a finite price above 0, a volume of at least 0), a record key equal to the symbol,
 * and an event time from 1970 up to {@code maxFutureMs} after the record's Kafka timestamp. The streams app, the
 * sink and the backfill apply exactly these, so the lake and the KPIs differ by the late ticks only, and a
 * decodable but invalid tick reaches the dead-letter queue, never the lake.
 *
 * <p>The future limit is judged against the record's timestamp, not a host clock, so a replay decides the same
 * way; give the ticks topic {@code message.timestamp.type=LogAppendTime} to judge against the broker's clock
 * rather than the producer's. The limit must not exceed the streams' grace: a tick ahead by more would move
 * stream time far enough to make on-time ticks of other symbols late.
 */
public final class StockTickContract {

    public static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.\\-]{1,12}");
    /** How far an event time may lead its record's timestamp unless configured: the streams' default grace. */
    public static final long MAX_FUTURE_MS_DEFAULT = 10_000L;

    /**
     * The rules, each with the words its violation message always contains, so that whoever reads a
     * message back (the lake's dead-letter table) can tell which rule was broken.
     */
    public enum Rule {
        SYMBOL("' does not match "),
        PRICE(" is not a finite number above 0"),
        VOLUME(" is negative"),
        KEY(" the tick's symbol '"),
        EVENT_TIME_BEFORE_1970(" is before 1970"),
        EVENT_TIME_AHEAD(" ms ahead of the record's timestamp ");

        private final String marker;

        Rule(String marker) {
            this.marker = marker;
        }

        /** The rule's name in lower case, e.g. {@code event_time_ahead}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private StockTickContract() {
    }

    /** The rule a violation message (as {@link #violation} gives it, possibly inside a longer error message) names. */
    public static Optional<Rule> ruleOf(String message) {
        if (message == null) {
            return Optional.empty();
        }
        for (Rule rule : Rule.values()) {
            if (message.contains(rule.marker)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /**
     * The first rule the record breaks, or empty when it keeps them all.
     *
     * @param key               the record key as a string, null when absent
     * @param recordTimestampMs the record's Kafka timestamp; the future rule is skipped when it is negative (none)
     */
    public static Optional<String> violation(String key, StockTick tick, long recordTimestampMs, long maxFutureMs) {
        Optional<String> value = violation(tick);
        if (value.isPresent()) {
            return value;
        }
        String symbol = tick.getSymbol();
        if (key == null) {
            return Optional.of("record key is missing; it must be" + Rule.KEY.marker + symbol + "'");
        }
        if (!key.equals(symbol)) {
            return Optional.of("record key '" + key + "' is not" + Rule.KEY.marker + symbol + "'");
        }
        long eventTime = tick.getEventTime().toEpochMilli();
        if (eventTime < 0) {
            return Optional.of("event_time " + tick.getEventTime() + Rule.EVENT_TIME_BEFORE_1970.marker);
        }
        if (isAhead(eventTime, recordTimestampMs, maxFutureMs)) {
            return Optional.of("event_time " + tick.getEventTime() + " is more than " + maxFutureMs
                    + Rule.EVENT_TIME_AHEAD.marker + Instant.ofEpochMilli(recordTimestampMs));
        }
        return Optional.empty();
    }

    /** Whether {@code eventTimeMs} leads the record's timestamp by more than {@code maxFutureMs}. */
    public static boolean isAhead(long eventTimeMs, long recordTimestampMs, long maxFutureMs) {
        return recordTimestampMs >= 0 && eventTimeMs - recordTimestampMs > maxFutureMs;
    }

    private static Optional<String> violation(StockTick tick) {
        String symbol = tick.getSymbol();
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            return Optional.of("symbol '" + symbol + Rule.SYMBOL.marker + SYMBOL.pattern());
        }
        double price = tick.getPrice();
        if (!Double.isFinite(price) || price <= 0) {
            return Optional.of("price " + price + Rule.PRICE.marker);
        }
        if (tick.getVolume() < 0) {
            return Optional.of("volume " + tick.getVolume() + Rule.VOLUME.marker);
        }
        return Optional.empty();
    }
}
