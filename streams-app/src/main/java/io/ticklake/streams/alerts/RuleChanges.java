package io.ticklake.streams.alerts;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of the changes applied to the global rule store, shared by the store's updater (global thread) and
 * the evaluators (stream threads) of one topology: an evaluator re-reads the rules when the count moved, so a
 * rule change is used by the next decision without reading the store on every tick.
 */
final class RuleChanges {

    private final AtomicLong count = new AtomicLong();

    /** Called after a change was written to the store. */
    void changed() {
        count.incrementAndGet();
    }

    /** The number of changes so far; read before the store is read. */
    long current() {
        return count.get();
    }
}
