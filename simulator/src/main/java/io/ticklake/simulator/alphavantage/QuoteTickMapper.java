package io.ticklake.simulator.alphavantage;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.tick.SourceNames;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns quotes into ticks, one symbol's quotes at a time:
 * <ul>
 *   <li>a quote equal to the symbol's previous one (same price, volume and trading day) is a repeat
 *       (the market has not moved, or is closed) and gives no tick;</li>
 *   <li>{@code "06. volume"} is the day's running total, so a tick's volume is what traded since the
 *       previous quote of the same day (the day's total for its first quote); the ticks of a day thus
 *       add up to the day's volume;</li>
 *   <li>the quote carries no time of its own: the event time is when it was fetched, but never later
 *       than its trading day's close, so an after-hours or weekend quote lands on the day it belongs to.</li>
 * </ul>
 */
public final class QuoteTickMapper {

    /** The regular session's close in the exchange's zone. */
    public static final LocalTime MARKET_CLOSE = LocalTime.of(16, 0);

    private final ZoneId exchangeZone;
    private final long firstSequence;
    private final Map<String, GlobalQuote> previous = new HashMap<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private long repeats;

    public QuoteTickMapper(ZoneId exchangeZone, long firstSequence) {
        this.exchangeZone = exchangeZone;
        this.firstSequence = firstSequence;
    }

    /** The tick for {@code quote} fetched at {@code fetchedAt}, or empty for a repeated quote. */
    public Optional<StockTick> map(GlobalQuote quote, Instant fetchedAt) {
        GlobalQuote last = previous.get(quote.symbol());
        if (quote.equals(last)) {
            repeats++;
            return Optional.empty();
        }
        previous.put(quote.symbol(), quote);
        long volume = last != null && last.latestTradingDay().equals(quote.latestTradingDay())
                ? Math.max(0, quote.volume() - last.volume()) : quote.volume();
        long sequence = nextSequence.merge(quote.symbol(), firstSequence, (before, one) -> before + 1);
        return Optional.of(StockTick.newBuilder()
                .setSymbol(quote.symbol())
                .setPrice(quote.price())
                .setVolume(volume)
                .setBid(null)
                .setAsk(null)
                .setEventTime(eventTime(quote.latestTradingDay(), fetchedAt))
                .setSequence(sequence)
                .setSource(SourceNames.ALPHA_VANTAGE)
                .build());
    }

    private Instant eventTime(LocalDate tradingDay, Instant fetchedAt) {
        Instant close = tradingDay.atTime(MARKET_CLOSE).atZone(exchangeZone).toInstant();
        Instant time = fetchedAt.isAfter(close) ? close : fetchedAt;
        return Instant.ofEpochMilli(time.toEpochMilli());
    }

    /** Quotes skipped as repeats so far. */
    public long repeats() {
        return repeats;
    }
}
