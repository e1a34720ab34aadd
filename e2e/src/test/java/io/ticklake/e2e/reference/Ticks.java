package io.ticklake.e2e.reference;

import io.ticklake.e2e.kafka.TickRecord;
import io.ticklake.schemas.StockTick;
import java.time.Instant;

/** Ticks for the unit tests of the reference computations. */
final class Ticks {

    static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");

    private Ticks() {
    }

    static TickRecord tick(int partition, long offset, String symbol, double price, long volume, long atMs,
                           long sequence) {
        // produced when it happened
        return new TickRecord("ticks", partition, offset, symbol, T0.plusMillis(atMs).toEpochMilli(),
                StockTick.newBuilder().setSymbol(symbol)
                .setPrice(price).setVolume(volume).setBid(null).setAsk(null).setEventTime(T0.plusMillis(atMs))
                .setSequence(sequence).setSource("TEST").build());
    }
}
