package io.ticklake.simulator.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a bar into a short, ordered path of trades that reproduces it exactly: the first trade is at
 * the open, the last at the close, the highest at the high, the lowest at the low, and the volumes add
 * up to the bar's volume. The path visits the extreme nearer in direction first (open → low → high →
 * close for a rising bar, open → high → low → close for a falling one), which is how a bar is usually
 * read; extra trades are spread over the legs in proportion to their length and stay inside the range.
 */
public final class BarTickExpander {

    private final int ticksPerBar;

    /** @param ticksPerBar trades per bar, at least {@value ReplaySettings#MIN_TICKS_PER_BAR} */
    public BarTickExpander(int ticksPerBar) {
        if (ticksPerBar < ReplaySettings.MIN_TICKS_PER_BAR) {
            throw new IllegalArgumentException("ticksPerBar must be >= " + ReplaySettings.MIN_TICKS_PER_BAR
                    + ", was " + ticksPerBar);
        }
        this.ticksPerBar = ticksPerBar;
    }

    /** The bar's trades, in time order, evenly spaced over the bar. */
    public List<TickPoint> expand(Bar bar) {
        double[] prices = pricePath(bar);
        long[] volumes = splitVolume(bar.volume(), prices.length);
        long startMillis = bar.start().toEpochMilli();
        long lengthMillis = bar.length().toMillis();
        List<TickPoint> points = new ArrayList<>(prices.length);
        for (int i = 0; i < prices.length; i++) {
            long offset = lengthMillis * i / prices.length;
            points.add(new TickPoint(prices[i], volumes[i], Instant.ofEpochMilli(startMillis + offset)));
        }
        return points;
    }

    private double[] pricePath(Bar bar) {
        boolean rising = bar.close() >= bar.open();
        double[] vertices = rising
                ? new double[] {bar.open(), bar.low(), bar.high(), bar.close()}
                : new double[] {bar.open(), bar.high(), bar.low(), bar.close()};
        int[] extras = extrasPerLeg(vertices, ticksPerBar - vertices.length);
        double[] path = new double[ticksPerBar];
        int index = 0;
        for (int leg = 0; leg < 3; leg++) {
            double from = vertices[leg];
            double to = vertices[leg + 1];
            path[index++] = from;
            for (int k = 1; k <= extras[leg]; k++) {
                double interpolated = from + (to - from) * k / (extras[leg] + 1);
                // Round to the cent like a real print, but never past the bar's extremes.
                path[index++] = Math.min(bar.high(), Math.max(bar.low(), Math.round(interpolated * 100) / 100.0));
            }
        }
        path[index] = vertices[3];
        return path;
    }

    /**
     * Distributes {@code extra} trades over the three legs in proportion to each leg's length (largest
     * remainder first; a flat bar shares them evenly).
     */
    private static int[] extrasPerLeg(double[] vertices, int extra) {
        double[] shares = new double[3];
        double total = 0;
        for (int leg = 0; leg < 3; leg++) {
            shares[leg] = Math.abs(vertices[leg + 1] - vertices[leg]);
            total += shares[leg];
        }
        int[] counts = new int[3];
        double[] remainders = new double[3];
        int assigned = 0;
        for (int leg = 0; leg < 3; leg++) {
            double exact = total == 0 ? extra / 3.0 : extra * shares[leg] / total;
            counts[leg] = (int) Math.floor(exact);
            remainders[leg] = exact - counts[leg];
            assigned += counts[leg];
        }
        while (assigned < extra) {
            int best = 0;
            for (int leg = 1; leg < 3; leg++) {
                if (remainders[leg] > remainders[best]) {
                    best = leg;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        return counts;
    }

    /** Splits {@code total} into {@code parts} near-equal volumes that add up exactly. */
    static long[] splitVolume(long total, int parts) {
        long[] volumes = new long[parts];
        long base = total / parts;
        long remainder = total % parts;
        for (int i = 0; i < parts; i++) {
            volumes[i] = base + (i < remainder ? 1 : 0);
        }
        return volumes;
    }

    /** One trade of an expanded bar. */
    public record TickPoint(double price, long volume, Instant time) {
    }
}
