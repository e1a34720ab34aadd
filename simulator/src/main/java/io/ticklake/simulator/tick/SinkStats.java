package io.ticklake.simulator.tick;

/**
 * What a sink did so far.
 *
 * @param sent       ticks handed to the producer
 * @param acked      ticks the broker acknowledged
 * @param failed     ticks that could not be delivered
 * @param firstError the first delivery error's message, or null
 */
public record SinkStats(long sent, long acked, long failed, String firstError) {

    public static final SinkStats NONE = new SinkStats(0, 0, 0, null);
}
