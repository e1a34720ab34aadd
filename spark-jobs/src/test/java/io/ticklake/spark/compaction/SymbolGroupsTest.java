package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.lang3.SerializationUtils;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** Symbols are dealt out so that groups hold about as many rows, the same way in every task. */
class SymbolGroupsTest {

    @Test
    void dealsSymbolsOutEvenlyByTheirRows() {
        Map<UTF8String, Long> rows = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int s = 0; s < 50; s++) {
            rows.put(UTF8String.fromString("SYM" + s), 1_000L + random.nextInt(400_000));
        }
        SymbolGroups groups = SymbolGroups.balance(rows, 3);

        long[] perGroup = new long[3];
        rows.forEach((symbol, count) -> perGroup[groups.of(symbol)] += count);
        long biggestSymbol = rows.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long max = Math.max(perGroup[0], Math.max(perGroup[1], perGroup[2]));
        long min = Math.min(perGroup[0], Math.min(perGroup[1], perGroup[2]));
        assertThat(max - min).isLessThanOrEqualTo(biggestSymbol);
    }

    @Test
    void everyTaskSeesTheSameGroupsAndSymbolsOutsideTheSampleGoByHash() {
        SymbolGroups groups = SymbolGroups.balance(Map.of(UTF8String.fromString("A"), 10L,
                UTF8String.fromString("B"), 10L, UTF8String.fromString("C"), 5L), 2);
        SymbolGroups shipped = SerializationUtils.clone(groups); // as a task receives it

        for (String symbol : new String[] {"A", "B", "C", "NOT-SAMPLED", "\u00e9"}) {
            UTF8String bytes = UTF8String.fromString(symbol);
            assertThat(shipped.of(bytes)).as(symbol).isEqualTo(groups.of(bytes)).isBetween(0, 1);
        }
        assertThat(groups.of(UTF8String.fromString("A"))).isNotEqualTo(groups.of(UTF8String.fromString("B")));
        UTF8String unseen = UTF8String.fromString("NOT-SAMPLED");
        assertThat(groups.of(unseen)).isEqualTo(Math.floorMod(unseen.hashCode(), 2));
    }
}
