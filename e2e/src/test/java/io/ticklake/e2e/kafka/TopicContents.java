package io.ticklake.e2e.kafka;

import io.ticklake.schemas.StockTick;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks that a topic holds exactly the ticks that were sent: the same ticks, each as often as it
 * was sent, keyed by its symbol, and each symbol's ticks in send order (what the idempotent producer
 * and symbol keys promise).
 */
public final class TopicContents {

    private TopicContents() {
    }

    /** What differs between the ticks sent and the records read back; empty when they match. */
    public static List<String> differences(List<StockTick> sent, List<TickRecord> records) {
        List<String> differences = new ArrayList<>();
        if (sent.size() != records.size()) {
            differences.add("sent " + sent.size() + " ticks but the topic holds " + records.size() + " records");
        }
        Map<String, List<StockTick>> sentByKey = new LinkedHashMap<>();
        sent.forEach(t -> sentByKey.computeIfAbsent(t.getSymbol(), k -> new ArrayList<>()).add(t));
        Map<String, List<StockTick>> readByKey = new LinkedHashMap<>();
        records.stream().sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                        : Long.compare(a.offset(), b.offset()))
                .forEach(r -> {
                    if (!Objects.equals(r.key(), r.symbol())) {
                        differences.add(r.coordinates() + " is keyed '" + r.key() + "', not its symbol '" + r.symbol()
                                + "'");
                    }
                    readByKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.tick());
                });
        if (!sentByKey.keySet().equals(readByKey.keySet())) {
            differences.add("keys sent " + sentByKey.keySet() + " but keys in the topic " + readByKey.keySet());
        }
        sentByKey.forEach((key, ticks) -> {
            List<StockTick> read = readByKey.getOrDefault(key, List.of());
            for (int i = 0; i < Math.max(ticks.size(), read.size()); i++) {
                StockTick want = i < ticks.size() ? ticks.get(i) : null;
                StockTick got = i < read.size() ? read.get(i) : null;
                if (!sameTick(want, got)) {
                    differences.add("tick " + i + " of '" + key + "' in the topic is " + got + ", but the one sent was "
                            + want);
                    break;
                }
            }
        });
        return differences;
    }

    /**
     * Field by field, with doubles compared as {@link Double#compare} does, so an invalid NaN price equals
     * itself (Avro's generated equals treats NaN as unequal to everything).
     */
    static boolean sameTick(StockTick a, StockTick b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a.getSymbol(), b.getSymbol()) && Double.compare(a.getPrice(), b.getPrice()) == 0
                && a.getVolume() == b.getVolume() && sameDouble(a.getBid(), b.getBid())
                && sameDouble(a.getAsk(), b.getAsk()) && Objects.equals(a.getEventTime(), b.getEventTime())
                && a.getSequence() == b.getSequence() && Objects.equals(a.getSource(), b.getSource());
    }

    private static boolean sameDouble(Double a, Double b) {
        return a == null || b == null ? a == b : Double.compare(a, b) == 0;
    }
}
