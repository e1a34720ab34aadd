package io.ticklake.e2e.lake;

import java.time.LocalDate;

/** A row of the analytics model {@code daily_summary} (the columns the test checks). */
public record DailySummaryRow(String symbol, LocalDate day, double open, double high, double low, double close,
                              long volume, double vwap, long tradeCount) {
}
