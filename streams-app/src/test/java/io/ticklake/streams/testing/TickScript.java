package io.ticklake.streams.testing;

import io.ticklake.schemas.StockTick;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic stream of ticks for integration tests: {@code symbols} symbols trading
 * {@code perMinute} times in each minute of {@code [firstMinute, lastMinute]} after {@code t0}, in
 * event-time order, with seeded random prices around 100 and volumes 0..99.
 */
public final class TickScript {

    private TickScript() {
    }

    public static List<String> symbols(int count) {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            symbols.add(String.format("SYM%02d", i));
        }
        return symbols;
    }

    public static List<StockTick> minutes(List<String> symbols, Instant t0, int firstMinute, int lastMinute,
                                          int perMinute, long seed) {
        Random random = new Random(seed);
        List<StockTick> ticks = new ArrayList<>();
        long spacingMs = 60_000L / perMinute;
        for (int minute = firstMinute; minute <= lastMinute; minute++) {
            for (int n = 0; n < perMinute; n++) {
                for (int s = 0; s < symbols.size(); s++) {
                    Instant eventTime = t0.plus(Duration.ofMinutes(minute)).plusMillis(n * spacingMs + s);
                    double price = Math.round((100 + s + random.nextGaussian() * 2) * 100) / 100.0;
                    long sequence = (long) minute * perMinute + n;
                    ticks.add(Ticks.tick(symbols.get(s), price, random.nextInt(100), eventTime, sequence));
                }
            }
        }
        return ticks;
    }
}
