package io.ticklake.simulator.run;

import java.util.concurrent.atomic.LongAdder;

/** Live counts of a run, written by the run loop and read by the progress line. */
public final class RunCounters {

    final LongAdder generated = new LongAdder();
    final LongAdder rejected = new LongAdder();

    /** Ticks taken from the source. */
    public long generated() {
        return generated.sum();
    }

    /** Source ticks that broke the contract and were not sent. */
    public long rejected() {
        return rejected.sum();
    }
}
