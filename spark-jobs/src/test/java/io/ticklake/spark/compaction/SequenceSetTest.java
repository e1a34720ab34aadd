package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The set answers as a {@link HashSet} does, inside its window and outside it, at the ends of a long's range and after clearing. */
class SequenceSetTest {

    @Test
    void addsAsAHashSetDoes() {
        SequenceSet set = new SequenceSet();
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 3; round++) {
            Set<Long> expected = new HashSet<>();
            for (int i = 0; i < 50_000; i++) {
                long sequence = switch (random.nextInt(4)) {
                    case 0 -> random.nextLong();                   // anywhere
                    case 1 -> random.nextLong(2_000) * 6 + 1;      // a stride, as offset * partitions + partition
                    case 2 -> random.nextBoolean() ? Long.MIN_VALUE + random.nextInt(3) : Long.MAX_VALUE - random.nextInt(3);
                    default -> random.nextLong(-70_000, 50);       // below a first sequence near 0 as well
                };
                assertThat(set.add(sequence)).as("add %d", sequence).isEqualTo(expected.add(sequence));
            }
            set.clear();
        }
    }
}
