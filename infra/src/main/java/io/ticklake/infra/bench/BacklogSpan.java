package io.ticklake.infra.bench;

/**
 * When (System.nanoTime) 10 %, 90 % and all of a backlog were done for good, from observations of how much is
 * done: the 10 %..90 % interval is the steady state, without start-up or idle tails.
 */
public final class BacklogSpan {

    private final long total;
    private long at10;
    private long at90;
    private long at100;

    public BacklogSpan(long total) {
        this.total = total;
    }

    /** Records that {@code done} of the backlog was done at {@code now}; true once all of it is. */
    public boolean observe(long done, long now) {
        if (at10 == 0 && done >= total / 10) {
            at10 = now;
        }
        if (at90 == 0 && done >= total * 9 / 10) {
            at90 = now;
        }
        if (at100 == 0 && done >= total) {
            at100 = now;
        }
        return at100 != 0;
    }

    /** When all of it was done. */
    public long at100() {
        return at100;
    }

    /** The steady-state rate: 80 % of the backlog over the 10 %..90 % interval, per second; NaN when no time passed. */
    public double steadyRate() {
        return at90 == at10 ? Double.NaN : total * 0.8 / ((at90 - at10) / 1e9);
    }
}
