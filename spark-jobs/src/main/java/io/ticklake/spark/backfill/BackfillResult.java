package io.ticklake.spark.backfill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * What a backfill run landed, over the batches this run executed (a resumed run counts from its restart).
 * Undecodable records are never landed; they are counted here, logged with their coordinates and, with a
 * dead-letter topic, sent there.
 */
public record BackfillResult(long batches, long records, long rowsLanded, long filesWritten, long bytesWritten,
                             long beyondBounds, long undecodable, long deadLettered, List<String> errorSamples,
                             Duration duration) {

    public BackfillResult {
        errorSamples = List.copyOf(errorSamples);
    }

    public String toJson() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("job", "backfill").put("batches", batches).put("records", records).put("rows_landed", rowsLanded)
                .put("files_written", filesWritten).put("bytes_written", bytesWritten)
                .put("beyond_bounds", beyondBounds).put("undecodable", undecodable)
                .put("dead_lettered", deadLettered).put("duration_ms", duration.toMillis());
        errorSamples.forEach(root.putArray("error_samples")::add);
        return root.toString();
    }

    @Override
    public String toString() {
        return String.format("backfill: %d batch(es), %d records, %d rows landed in %d file(s) (%d bytes), "
                        + "%d beyond bounds, %d undecodable (%d dead-lettered), %d ms", batches, records, rowsLanded,
                filesWritten, bytesWritten, beyondBounds, undecodable, deadLettered, duration.toMillis());
    }
}
