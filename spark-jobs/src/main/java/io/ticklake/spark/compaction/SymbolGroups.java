package io.ticklake.spark.compaction;

import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Which group of a big hour's symbols, each sorted and written by its own thread ({@link BigHourTask}),
 * holds which symbol. Symbols are dealt out by their row counts in a sample of the hour's files, the
 * biggest first, each to the group with the fewest rows so far, so that the threads finish together (by
 * hash alone, 50 symbols split 14 s against 18 s of work); a symbol the sample missed goes by its hash.
 * The assignment is made once, so each symbol has one group.
 */
final class SymbolGroups implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int groups;
    private final Map<UTF8String, Integer> assigned;

    private SymbolGroups(int groups, Map<UTF8String, Integer> assigned) {
        this.groups = groups;
        this.assigned = assigned;
    }

    /** @param sampledRows rows per symbol in a sample of the hour */
    static SymbolGroups balance(Map<UTF8String, Long> sampledRows, int groups) {
        List<Map.Entry<UTF8String, Long>> biggestFirst = sampledRows.entrySet().stream()
                .sorted(Map.Entry.<UTF8String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        long[] rows = new long[groups];
        Map<UTF8String, Integer> assigned = new HashMap<>();
        for (Map.Entry<UTF8String, Long> symbol : biggestFirst) {
            int lightest = 0;
            for (int g = 1; g < groups; g++) {
                lightest = rows[g] < rows[lightest] ? g : lightest;
            }
            rows[lightest] += symbol.getValue();
            assigned.put(symbol.getKey(), lightest);
        }
        return new SymbolGroups(groups, assigned);
    }

    /** The group of {@code symbol}, in [0, groups). */
    int of(UTF8String symbol) {
        Integer group = assigned.get(symbol);
        return group != null ? group : Math.floorMod(symbol.hashCode(), groups);
    }
}
