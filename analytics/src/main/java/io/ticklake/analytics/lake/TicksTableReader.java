package io.ticklake.analytics.lake;

import io.ticklake.analytics.AnalyticsException;
import io.ticklake.analytics.time.TimeRange;
import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import io.ticklake.lake.table.CatalogSettings;
import io.ticklake.lake.table.LakeCatalog;
import io.ticklake.lake.table.LakeCatalogException;
import io.ticklake.lake.table.TicksTable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads the compacted layer, the Iceberg table {@code ticklake.ticks}, the way every Iceberg reader does:
 * opens the catalog, plans a scan of the current snapshot (optionally only some hours) and groups the
 * planned data files by their hour partition. The rows themselves are left to DuckDB, which reads exactly
 * these files; a file of an older snapshot is never read, and files of an expired snapshot disappear
 * only after expiry (24 h by default), so a run's plan stays readable.
 */
public final class TicksTableReader {

    private final LakeUri lake;
    private final S3Settings s3;
    private final CatalogSettings catalog;

    public TicksTableReader(LakeUri lake, S3Settings s3, CatalogSettings catalog) {
        this.lake = lake;
        this.s3 = s3;
        this.catalog = catalog;
    }

    /** Every hour of the current snapshot. */
    public TableSnapshot current() {
        return plan(Optional.empty());
    }

    /** The hours of the current snapshot within {@code hours} (or all); empty when the table does not exist yet. */
    public TableSnapshot plan(Optional<TimeRange> hours) {
        try (LakeCatalog lakeCatalog = LakeCatalog.open(lake, s3, catalog)) {
            Optional<Table> table = lakeCatalog.existingTicks();
            if (table.isEmpty() || table.get().currentSnapshot() == null) {
                return TableSnapshot.empty();
            }
            Snapshot snapshot = table.get().currentSnapshot();
            TableScan scan = table.get().newScan().useSnapshot(snapshot.snapshotId());
            if (hours.isPresent()) {
                scan = scan.filter(TicksTable.hoursFilter(hours.get().start(), hours.get().end()));
            }
            return group(snapshot.snapshotId(), scan, lakeCatalog.uri());
        } catch (LakeCatalogException | IllegalArgumentException e) {
            throw new AnalyticsException(e.getMessage(), e);
        } catch (IOException e) {
            throw new AnalyticsException("cannot close the Iceberg catalog of " + lake + ": " + e.getMessage(), e);
        }
    }

    private static TableSnapshot group(long snapshotId, TableScan scan, String catalogUri) throws IOException {
        Map<Instant, List<String>> locations = new TreeMap<>();
        Map<Instant, Long> rows = new TreeMap<>();
        try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
            for (FileScanTask task : tasks) {
                checkReadable(task, snapshotId);
                Instant hour = TicksTable.hourOf(task.file().partition());
                locations.computeIfAbsent(hour, h -> new ArrayList<>()).add(task.file().location());
                rows.merge(hour, task.file().recordCount(), Long::sum);
            }
        } catch (RuntimeException e) {
            if (e instanceof AnalyticsException) {
                throw e;
            }
            throw new AnalyticsException("cannot plan a scan of snapshot " + snapshotId + " of "
                    + TicksTable.IDENTIFIER + " (catalog " + catalogUri + "): " + e.getMessage(), e);
        }
        TreeMap<Instant, TableHour> hours = new TreeMap<>();
        locations.forEach((hour, files) -> hours.put(hour, TableHour.of(hour, files, rows.get(hour))));
        return new TableSnapshot(OptionalLong.of(snapshotId), hours);
    }

    /**
     * DuckDB gets whole data files: that is the table's rows only while no file carries row-level deletes
     * and every file is partitioned by hour. Compaction replaces whole hours and never writes deletes;
     * anything else is refused rather than read wrongly.
     */
    private static void checkReadable(FileScanTask task, long snapshotId) {
        if (!task.deletes().isEmpty()) {
            throw new AnalyticsException("snapshot " + snapshotId + " of " + TicksTable.IDENTIFIER + " has row-level"
                    + " delete files for " + task.file().location() + ", which analytics does not apply; rewrite the"
                    + " table's data files (e.g. Iceberg's rewrite_data_files) so no deletes remain");
        }
        if (!isHourSpec(task.spec())) {
            throw new AnalyticsException("data file " + task.file().location() + " of " + TicksTable.IDENTIFIER
                    + " is partitioned by " + task.spec().fields() + ", not by hour(event_time) as the table"
                    + " definition says");
        }
    }

    private static boolean isHourSpec(PartitionSpec spec) {
        if (spec.fields().size() != 1) {
            return false;
        }
        PartitionField field = spec.fields().get(0);
        PartitionField expected = TicksTable.SPEC.fields().get(0);
        return field.sourceId() == expected.sourceId() && field.transform().toString().equals(expected.transform().toString());
    }
}
