package io.ticklake.simulator.inject;

import io.ticklake.schemas.StockTick;

/** How an invalid tick breaks the {@code StockTick} contract. Each still serializes with the Avro schema. */
public enum InvalidTickKind {

    NEGATIVE_PRICE {
        @Override
        StockTick corrupt(StockTick tick) {
            return StockTick.newBuilder(tick).setPrice(-Math.abs(tick.getPrice())).build();
        }
    },
    EMPTY_SYMBOL {
        @Override
        StockTick corrupt(StockTick tick) {
            return StockTick.newBuilder(tick).setSymbol("").build();
        }
    },
    NAN_PRICE {
        @Override
        StockTick corrupt(StockTick tick) {
            return StockTick.newBuilder(tick).setPrice(Double.NaN).build();
        }
    };

    /** A copy of {@code tick} broken in this way. */
    abstract StockTick corrupt(StockTick tick);
}
