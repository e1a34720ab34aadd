package io.ticklake.analytics.quality;

/**
 * One data test of a model: a query whose rows are the failing rows (none means the test passed).
 *
 * @param name  how the test is reported, e.g. {@code unique_key(symbol, window_start)}
 * @param query the failing-rows query
 */
public record DataTest(String name, String query) {
}
