package io.ticklake.spark.compaction;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The trade sequences of one (hour, symbol) written so far. The writer asks once per row, in event-time
 * order, and a producer's sequences grow with time, so a bitmap over a window around the first sequence
 * answers with one bit that is near the last one asked; sequences outside it go to a hash set. A
 * {@code HashSet<Long>} alone boxed every sequence and missed the cache on almost every row, which made it
 * the writer's largest cost after Parquet's encoding.
 */
final class SequenceSet {

    /** Bits below the first sequence: a symbol's ticks of one millisecond may come in any order. */
    private static final long BEFORE_FIRST = 1L << 16;
    /** At most 16 MiB of bits; a producer that numbers sparser than that spills to the hash set. */
    private static final long WINDOW = 1L << 27;

    private final BitSet window = new BitSet();
    private final Set<Long> outside = new HashSet<>();
    private long base;
    private boolean empty = true;

    /** Adds {@code sequence}; false when it was there already. */
    boolean add(long sequence) {
        if (empty) {
            base = sequence - BEFORE_FIRST;
            empty = false;
        }
        long bit = sequence - base; // overflows to a negative or huge value far from the window
        if (bit >= 0 && bit < WINDOW) {
            if (window.get((int) bit)) {
                return false;
            }
            window.set((int) bit);
            return true;
        }
        return outside.add(sequence);
    }

    void clear() {
        window.clear();
        outside.clear();
        empty = true;
    }
}
