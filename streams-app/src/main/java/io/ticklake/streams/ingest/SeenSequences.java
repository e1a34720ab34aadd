package io.ticklake.streams.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The sequences of one symbol's accepted ticks, per identity bucket still read ({@link TickDeduplicator}): each
 * bucket as sorted, disjoint, inclusive ranges. A producer numbers each symbol's trades upwards (DESIGN.md), so a
 * bucket is one range, or a few while out-of-order ticks fill a gap: the whole state of a symbol is a handful of
 * longs, kept in a cached store and written to its changelog once per commit, not once per tick. A bucket whose
 * ranges would pass {@link #MAX_RANGES} (numbering with many gaps) is marked <em>overflowed</em>: its further
 * sequences are stored one by one in the identity store instead, and every tick of the symbol then reads it.
 *
 * <p>Stored as a {@code long[]}: per bucket {@code bucket, ranges << 1 | overflowed, lo, hi, lo, hi, ...}.
 */
public final class SeenSequences {

    /** Most ranges of a bucket kept here; beyond that the bucket's sequences go to the identity store. */
    public static final int MAX_RANGES = 32;

    private final List<Bucket> buckets = new ArrayList<>(3);

    private static final class Bucket {
        final long start;
        boolean overflowed;
        final List<long[]> ranges = new ArrayList<>(2);

        Bucket(long start) {
            this.start = start;
        }
    }

    private SeenSequences() {
    }

    /** The stored state, without the buckets before {@code oldestRead}; empty for {@code null}. */
    static SeenSequences of(long[] stored, long oldestRead) {
        SeenSequences seen = new SeenSequences();
        int i = 0;
        while (stored != null && i < stored.length) {
            Bucket bucket = new Bucket(stored[i]);
            int ranges = (int) (stored[i + 1] >>> 1);
            bucket.overflowed = (stored[i + 1] & 1) == 1;
            for (int r = 0; r < ranges; r++) {
                bucket.ranges.add(new long[] {stored[i + 2 + 2 * r], stored[i + 3 + 2 * r]});
            }
            i += 2 + 2 * ranges;
            if (bucket.start >= oldestRead) {
                seen.buckets.add(bucket);
            }
        }
        return seen;
    }

    /** Whether {@code sequence} is in a range of a bucket still read. */
    boolean contains(long sequence) {
        for (Bucket bucket : buckets) {
            for (long[] range : bucket.ranges) {
                if (sequence >= range[0] && sequence <= range[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether some sequences of a bucket still read are only in the identity store. */
    boolean anyOverflowed() {
        for (Bucket bucket : buckets) {
            if (bucket.overflowed) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds {@code sequence} to the ranges of {@code bucketStart}; returns false, marking the bucket overflowed,
     * when that would take more than {@link #MAX_RANGES} ranges (the caller then stores the identity itself).
     */
    boolean add(long bucketStart, long sequence) {
        Bucket bucket = bucket(bucketStart);
        List<long[]> ranges = bucket.ranges;
        int at = 0;
        while (at < ranges.size() && ranges.get(at)[1] < sequence - 1) {
            at++;
        }
        if (at < ranges.size() && ranges.get(at)[0] <= sequence + 1) {
            long[] range = ranges.get(at);
            range[0] = Math.min(range[0], sequence);
            range[1] = Math.max(range[1], sequence);
            if (at + 1 < ranges.size() && ranges.get(at + 1)[0] <= range[1] + 1) {
                range[1] = Math.max(range[1], ranges.remove(at + 1)[1]);
            }
            return true;
        }
        if (ranges.size() >= MAX_RANGES) {
            bucket.overflowed = true;
            return false;
        }
        ranges.add(at, new long[] {sequence, sequence});
        return true;
    }

    private Bucket bucket(long start) {
        for (Bucket bucket : buckets) {
            if (bucket.start == start) {
                return bucket;
            }
        }
        Bucket bucket = new Bucket(start);
        buckets.add(bucket);
        return bucket;
    }

    /** The state to store. */
    long[] toArray() {
        int size = 0;
        for (Bucket bucket : buckets) {
            size += 2 + 2 * bucket.ranges.size();
        }
        long[] stored = new long[size];
        int i = 0;
        for (Bucket bucket : buckets) {
            stored[i++] = bucket.start;
            stored[i++] = ((long) bucket.ranges.size() << 1) | (bucket.overflowed ? 1 : 0);
            for (long[] range : bucket.ranges) {
                stored[i++] = range[0];
                stored[i++] = range[1];
            }
        }
        return stored;
    }
}
