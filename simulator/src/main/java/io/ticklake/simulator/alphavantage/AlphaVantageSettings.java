package io.ticklake.simulator.alphavantage;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * How to poll Alpha Vantage.
 *
 * @param baseUrl         the query endpoint ({@link AlphaVantageClient#DEFAULT_BASE_URL} unless testing)
 * @param symbols         symbols polled in turn
 * @param callsPerMinute  the plan's per-minute allowance (free tier: 5)
 * @param callsPerDay     the plan's daily allowance (free tier: 25)
 * @param zone            the exchange's zone: trading days, the close, and when the daily allowance resets
 * @param waitForNextDay  when the day's calls are used: false ends the source, true sleeps until the next day
 * @param rateLimitPause  how long to pause after the service's per-minute rate-limit note
 * @param connectTimeout  HTTP connect timeout
 * @param requestTimeout  HTTP request timeout
 * @param firstSequence   first sequence number of each symbol
 */
public record AlphaVantageSettings(String baseUrl, List<String> symbols, int callsPerMinute, int callsPerDay,
                                   ZoneId zone, boolean waitForNextDay, Duration rateLimitPause,
                                   Duration connectTimeout, Duration requestTimeout, long firstSequence) {

    public AlphaVantageSettings {
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("at least one symbol is required");
        }
        symbols = List.copyOf(symbols);
        if (callsPerMinute < 1 || callsPerDay < 1) {
            throw new IllegalArgumentException("calls per minute and per day must be >= 1, were " + callsPerMinute
                    + " and " + callsPerDay);
        }
        if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("base URL must be an http(s) URL, was " + baseUrl);
        }
        if (rateLimitPause == null || rateLimitPause.isNegative()) {
            throw new IllegalArgumentException("rate-limit pause must be >= 0, was " + rateLimitPause);
        }
    }

    /** The free tier against the public endpoint. */
    public static AlphaVantageSettings freeTier(List<String> symbols) {
        return new AlphaVantageSettings(AlphaVantageClient.DEFAULT_BASE_URL, symbols, CallBudget.FREE_TIER_PER_MINUTE,
                CallBudget.FREE_TIER_PER_DAY, ZoneId.of("America/New_York"), false, Duration.ofMinutes(1),
                Duration.ofSeconds(10), Duration.ofSeconds(30), 1);
    }

    public AlphaVantageSettings withBaseUrl(String value) {
        return new AlphaVantageSettings(value, symbols, callsPerMinute, callsPerDay, zone, waitForNextDay,
                rateLimitPause, connectTimeout, requestTimeout, firstSequence);
    }

    public AlphaVantageSettings withBudget(int perMinute, int perDay) {
        return new AlphaVantageSettings(baseUrl, symbols, perMinute, perDay, zone, waitForNextDay, rateLimitPause,
                connectTimeout, requestTimeout, firstSequence);
    }

    public AlphaVantageSettings withWaitForNextDay(boolean value) {
        return new AlphaVantageSettings(baseUrl, symbols, callsPerMinute, callsPerDay, zone, value, rateLimitPause,
                connectTimeout, requestTimeout, firstSequence);
    }
}
