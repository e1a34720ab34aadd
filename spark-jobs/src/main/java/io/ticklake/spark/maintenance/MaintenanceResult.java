package io.ticklake.spark.maintenance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticklake.spark.lake.HourPartition;
import java.time.Duration;
import java.util.List;

/**
 * What a maintenance run did. Immutable.
 *
 * @param hoursRewritten        hours whose small files were rewritten
 * @param filesIn               data files the rewrite replaced
 * @param bytesIn               their bytes
 * @param filesOut              data files the rewrite wrote
 * @param rewriteConflict       the rewrite lost to a concurrent commit and was left for the next run
 * @param snapshotsExpired      snapshots removed from the table's history
 * @param dataFilesDeleted      data files the expiry deleted (no remaining snapshot used them)
 * @param metadataFilesDeleted  manifests and manifest lists the expiry deleted
 * @param orphansRemoved        files under the table's location that no snapshot referenced
 * @param fingerprintsCarried   raw fingerprints the run's own commits repeated so expiry keeps them
 * @param snapshots             the snapshots this run committed (rewrite, fingerprint carry); none when it
 *                              only expired and removed files
 */
public record MaintenanceResult(List<HourPartition> hoursRewritten, long filesIn, long bytesIn, long filesOut,
                                boolean rewriteConflict, long snapshotsExpired, long dataFilesDeleted,
                                long metadataFilesDeleted, long orphansRemoved, int fingerprintsCarried,
                                List<Long> snapshots, Duration duration) {

    public MaintenanceResult {
        hoursRewritten = List.copyOf(hoursRewritten);
        snapshots = List.copyOf(snapshots);
    }

    /** The result as one JSON object (what the launcher prints for schedulers). */
    public String toJson() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("job", "maintain");
        root.put("hours_rewritten", hoursRewritten.size());
        root.put("files_in", filesIn).put("bytes_in", bytesIn).put("files_out", filesOut);
        root.put("rewrite_conflict", rewriteConflict);
        root.put("snapshots_expired", snapshotsExpired);
        root.put("data_files_deleted", dataFilesDeleted).put("metadata_files_deleted", metadataFilesDeleted);
        root.put("orphans_removed", orphansRemoved);
        root.put("fingerprints_carried", fingerprintsCarried);
        root.put("duration_ms", duration.toMillis());
        snapshots.forEach(root.putArray("snapshots")::add);
        ArrayNode hours = root.putArray("hours");
        hoursRewritten.forEach(h -> hours.add(h.toString()));
        return root.toString();
    }

    @Override
    public String toString() {
        return String.format("maintenance: %d hour(s) rewritten, files %d -> %d (%d bytes in)%s; %d snapshot(s) "
                        + "expired, %d data and %d metadata file(s) deleted; %d orphan(s) removed; %d fingerprint(s) "
                        + "carried in %d commit(s); %d ms", hoursRewritten.size(), filesIn, filesOut, bytesIn,
                rewriteConflict ? " (a concurrent commit won; left for the next run)" : "", snapshotsExpired,
                dataFilesDeleted, metadataFilesDeleted, orphansRemoved, fingerprintsCarried, snapshots.size(),
                duration.toMillis());
    }
}
