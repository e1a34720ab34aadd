package io.ticklake.simulator.alphavantage;

import java.time.LocalDate;

/**
 * The fields of a {@code GLOBAL_QUOTE} answer that make a tick.
 *
 * @param symbol            {@code "01. symbol"}
 * @param price             {@code "05. price"}: the latest trade price
 * @param volume            {@code "06. volume"}: the day's cumulative volume
 * @param latestTradingDay  {@code "07. latest trading day"}
 */
public record GlobalQuote(String symbol, double price, long volume, LocalDate latestTradingDay) {
}
