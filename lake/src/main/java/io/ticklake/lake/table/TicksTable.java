package io.ticklake.lake.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import io.ticklake.lake.RawTickColumns;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Types;

/**
 * The curated layer's definition: the Iceberg table {@code ticklake.ticks} (format v2) with the raw
 * columns, partitioned by {@code hour(event_time)}, sorted by {@code (symbol, event_time)}. Timestamps are
 * Iceberg's {@code timestamptz} (microseconds), which every engine reads as a UTC timestamp.
 */
public final class TicksTable {

    public static final Namespace NAMESPACE = Namespace.of("ticklake");
    public static final TableIdentifier IDENTIFIER = TableIdentifier.of(NAMESPACE, "ticks");

    /** Field ids are the contract readers resolve columns by; never reuse or renumber them. */
    public static final Schema SCHEMA = new Schema(
            required(1, RawTickColumns.SYMBOL, Types.StringType.get()),
            required(2, RawTickColumns.PRICE, Types.DoubleType.get()),
            required(3, RawTickColumns.VOLUME, Types.LongType.get()),
            optional(4, RawTickColumns.BID, Types.DoubleType.get()),
            optional(5, RawTickColumns.ASK, Types.DoubleType.get()),
            required(6, RawTickColumns.EVENT_TIME, Types.TimestampType.withZone()),
            required(7, RawTickColumns.SEQUENCE, Types.LongType.get()),
            required(8, RawTickColumns.SOURCE, Types.StringType.get()),
            required(9, RawTickColumns.KAFKA_TOPIC, Types.StringType.get()),
            required(10, RawTickColumns.KAFKA_PARTITION, Types.IntegerType.get()),
            required(11, RawTickColumns.KAFKA_OFFSET, Types.LongType.get()),
            required(12, RawTickColumns.INGEST_TIME, Types.TimestampType.withZone()));

    public static final PartitionSpec SPEC = PartitionSpec.builderFor(SCHEMA).hour(RawTickColumns.EVENT_TIME).build();

    public static final SortOrder SORT_ORDER = SortOrder.builderFor(SCHEMA)
            .asc(RawTickColumns.SYMBOL).asc(RawTickColumns.EVENT_TIME).build();

    /** Snapshot-summary key prefix under which compaction records each replaced hour's raw fingerprint. */
    public static final String FINGERPRINT_PREFIX = "ticklake.raw-fingerprint.";

    public static final Map<String, String> PROPERTIES = Map.of(
            TableProperties.FORMAT_VERSION, "2",
            // Snappy like the raw layer: every engine reads it and it decodes fastest
            TableProperties.PARQUET_COMPRESSION, "snappy",
            TableProperties.DEFAULT_FILE_FORMAT, "parquet",
            // metadata.json files are small but one is written per commit: keep the recent ones only
            TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true",
            TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "100",
            // what expire-snapshots keeps when not told otherwise (the maintenance job's default too)
            TableProperties.MAX_SNAPSHOT_AGE_MS, Long.toString(Duration.ofHours(24).toMillis()),
            TableProperties.MIN_SNAPSHOTS_TO_KEEP, "1");

    private static final long MICROS_PER_HOUR = 3_600_000_000L;

    private TicksTable() {
    }

    /** Rows of the UTC hour starting at {@code hourStart}: exactly one partition of {@link #SPEC}. */
    public static Expression hourFilter(Instant hourStart) {
        long from = micros(hourStart);
        return Expressions.and(Expressions.greaterThanOrEqual(RawTickColumns.EVENT_TIME, from),
                Expressions.lessThan(RawTickColumns.EVENT_TIME, from + MICROS_PER_HOUR));
    }

    /**
     * Rows of the UTC hours {@code [from, to)} (both on hour boundaries): exactly the partitions of those
     * hours, like {@link #hourFilter} for a range.
     */
    public static Expression hoursFilter(Instant from, Instant to) {
        return Expressions.and(Expressions.greaterThanOrEqual(RawTickColumns.EVENT_TIME, micros(from)),
                Expressions.lessThan(RawTickColumns.EVENT_TIME, micros(to)));
    }

    /** The partition tuple of the hour starting at {@code hourStart} (hours since the epoch). */
    public static StructLike partition(Instant hourStart) {
        int hours = Math.toIntExact(Math.floorDiv(hourStart.getEpochSecond(), 3600L));
        return new HourPartition(hours);
    }

    /** The hour a partition tuple of {@link #SPEC} stands for. */
    public static Instant hourOf(StructLike partition) {
        return Instant.ofEpochSecond(3600L * partition.get(0, Integer.class));
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    /** One-field partition tuple. */
    private record HourPartition(int hours) implements StructLike {

        @Override
        public int size() {
            return 1;
        }

        @Override
        public <T> T get(int pos, Class<T> javaClass) {
            return javaClass.cast(hours);
        }

        @Override
        public <T> void set(int pos, T value) {
            throw new UnsupportedOperationException("immutable");
        }
    }
}
