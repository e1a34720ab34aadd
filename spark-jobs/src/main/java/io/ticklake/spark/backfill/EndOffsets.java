package io.ticklake.spark.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Exclusive end offsets per partition of the backfilled topic; partitions not named are not bounded. */
public record EndOffsets(Map<Integer, Long> byPartition) implements Serializable {

    public EndOffsets {
        byPartition = Map.copyOf(byPartition);
    }

    /** Parses {@code {"0":100,"1":250}}. */
    public static EndOffsets parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("expected JSON like {\"0\":100,\"1\":250}");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object of partition to offset, like {\"0\":100}");
        }
        Map<Integer, Long> offsets = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            int partition;
            try {
                partition = Integer.parseInt(entry.getKey());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("partition '" + entry.getKey() + "' is not a number");
            }
            if (!entry.getValue().canConvertToLong() || entry.getValue().asLong() < 0) {
                throw new IllegalArgumentException("offset of partition " + partition + " is not a non-negative number");
            }
            offsets.put(partition, entry.getValue().asLong());
        }
        return new EndOffsets(offsets);
    }

    boolean includes(int partition, long offset) {
        Long end = byPartition.get(partition);
        return end == null || offset < end;
    }
}
