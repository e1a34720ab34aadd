package io.ticklake.spark.compaction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What a compaction run did, per hour and in total, and the table snapshots it committed (none when
 * nothing changed). Immutable.
 */
public record CompactionResult(List<HourCompactionResult> hours, List<Long> snapshots, Duration duration) {

    public CompactionResult {
        hours = List.copyOf(hours);
        snapshots = List.copyOf(snapshots);
    }

    public long filesIn() {
        return sum(HourCompactionResult::filesIn);
    }

    public long bytesIn() {
        return sum(HourCompactionResult::bytesIn);
    }

    public long rowsIn() {
        return sum(HourCompactionResult::rowsIn);
    }

    public long filesOut() {
        return sum(HourCompactionResult::filesOut);
    }

    public long bytesOut() {
        return sum(HourCompactionResult::bytesOut);
    }

    public long rowsOut() {
        return sum(HourCompactionResult::rowsOut);
    }

    public long duplicatesDropped() {
        return sum(HourCompactionResult::duplicatesDropped);
    }

    public long published() {
        return hours.stream().filter(h -> h.status() == HourStatus.PUBLISHED).count();
    }

    public List<BadRawFile> badFiles() {
        return hours.stream().flatMap(h -> h.badFiles().stream()).toList();
    }

    private long sum(ToLongFunction<HourCompactionResult> counter) {
        return hours.stream().mapToLong(counter).sum();
    }

    /** The result as one JSON object (what the launcher prints for schedulers). */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("job", "compact");
        root.put("hours_published", published());
        root.put("files_in", filesIn()).put("bytes_in", bytesIn()).put("rows_in", rowsIn());
        root.put("files_out", filesOut()).put("bytes_out", bytesOut()).put("rows_out", rowsOut());
        root.put("duplicates_dropped", duplicatesDropped());
        root.put("duration_ms", duration.toMillis());
        snapshots.forEach(root.putArray("snapshots")::add);
        ArrayNode list = root.putArray("hours");
        for (HourCompactionResult h : hours) {
            ObjectNode node = list.addObject();
            node.put("hour", h.hour().toString()).put("status", h.status().name()).put("snapshot_id", h.snapshotId());
            node.put("files_in", h.filesIn()).put("bytes_in", h.bytesIn()).put("rows_in", h.rowsIn());
            node.put("files_out", h.filesOut()).put("bytes_out", h.bytesOut()).put("rows_out", h.rowsOut());
            node.put("duplicates_dropped", h.duplicatesDropped());
            ArrayNode bad = node.putArray("bad_files");
            h.badFiles().forEach(b -> bad.addObject().put("file", b.uri()).put("reason", b.reason()));
        }
        return root.toString();
    }

    @Override
    public String toString() {
        return String.format("compaction: %d hour(s), %d published in %d commit(s), files %d -> %d, bytes %d -> %d, rows in %d, "
                        + "duplicates dropped %d, rows out %d, bad files %d, %d ms", hours.size(), published(),
                snapshots.size(), filesIn(), filesOut(), bytesIn(), bytesOut(), rowsIn(), duplicatesDropped(), rowsOut(),
                badFiles().size(), duration.toMillis());
    }
}
