package io.ticklake.streams.testing;

import io.ticklake.schemas.StockTick;
import java.time.Instant;

/** Builds {@link StockTick}s for tests. */
public final class Ticks {

    private Ticks() {
    }

    public static StockTick tick(String symbol, double price, long volume, Instant eventTime, long sequence) {
        return StockTick.newBuilder()
                .setSymbol(symbol)
                .setPrice(price)
                .setVolume(volume)
                .setBid(null)
                .setAsk(null)
                .setEventTime(eventTime)
                .setSequence(sequence)
                .setSource("TEST")
                .build();
    }
}
