package io.ticklake.analytics.testing;

import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import io.ticklake.lake.table.CatalogSettings;
import io.ticklake.lake.table.LakeCatalog;
import io.ticklake.lake.table.TicksTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;

/**
 * A lake whose compacted layer is the real Iceberg table {@code ticklake.ticks}, written the way compaction
 * writes it: the table created through {@link LakeCatalog}, data files written by Iceberg's own Parquet
 * writer, one file set per hour sorted by (symbol, event_time), and each publish one overwrite commit that
 * replaces the hours it touches (with a {@code ticklake.raw-fingerprint.<hour>} summary entry per hour).
 * Works on a local directory or, with S3 settings and a catalog URI, on an S3 lake.
 */
public final class FixtureLake implements AutoCloseable {

    private final LakeUri lake;
    private final LakeCatalog catalog;

    /** A local lake in {@code root} (a directory or a {@code file:} URI) with the default SQLite catalog. */
    public FixtureLake(String root) {
        this(LakeUri.parse(root), S3Settings.defaults(), CatalogSettings.defaults());
    }

    /** The lake and catalog a run with this configuration reads. */
    public FixtureLake(AnalyticsConfig config) {
        this(config.lake(), config.s3(), config.catalog());
    }

    public FixtureLake(LakeUri lake, S3Settings s3, CatalogSettings catalog) {
        this.lake = lake;
        this.catalog = LakeCatalog.open(lake, s3, catalog);
    }

    /** The lake URI to give a run. */
    public String uri() {
        return lake.uri("");
    }

    /** The table, created on first use; refreshed to its latest commit. */
    public Table table() {
        Table table = catalog.ticks();
        table.refresh();
        return table;
    }

    /** Replaces every hour the ticks fall in, one data file per hour, in one commit. */
    public FixtureLake publish(Collection<Tick> ticks) {
        return publish(ticks, 1);
    }

    /** Replaces every hour the ticks fall in, split into {@code filesPerHour} files each, in one commit. */
    public FixtureLake publish(Collection<Tick> ticks, int filesPerHour) {
        Map<Instant, List<Tick>> byHour = new TreeMap<>(ticks.stream().collect(Collectors.groupingBy(
                t -> t.eventTime().truncatedTo(ChronoUnit.HOURS))));
        commit(byHour, filesPerHour);
        return this;
    }

    /** Replaces one hour with these ticks (none: the hour is emptied), as compaction re-commits it. */
    public FixtureLake publishHour(Instant hour, List<Tick> ticks, int filesPerHour) {
        commit(Map.of(hour, ticks), filesPerHour);
        return this;
    }

    private void commit(Map<Instant, List<Tick>> hours, int filesPerHour) {
        Table table = table();
        Expression replaced = Expressions.alwaysFalse();
        List<DataFile> files = new ArrayList<>();
        for (Map.Entry<Instant, List<Tick>> hour : hours.entrySet()) {
            replaced = Expressions.or(replaced, TicksTable.hourFilter(hour.getKey()));
            files.addAll(writeHour(table, hour.getKey(), hour.getValue(), filesPerHour));
        }
        OverwriteFiles overwrite = table.newOverwrite().overwriteByRowFilter(replaced);
        files.forEach(overwrite::addFile);
        hours.forEach((hour, ticks) -> overwrite.set(TicksTable.FINGERPRINT_PREFIX + hour, "fixture-" + ticks.size()));
        overwrite.commit();
    }

    private static List<DataFile> writeHour(Table table, Instant hour, List<Tick> ticks, int filesPerHour) {
        List<Tick> sorted = ticks.stream().sorted(Comparator.comparing(Tick::symbol).thenComparing(Tick::eventTime)
                .thenComparingInt(Tick::partition).thenComparingLong(Tick::offset)).toList();
        List<DataFile> files = new ArrayList<>();
        for (int f = 0; f < filesPerHour; f++) {
            List<Tick> part = new ArrayList<>();
            for (int i = f; i < sorted.size(); i += filesPerHour) {
                part.add(sorted.get(i));
            }
            if (!part.isEmpty()) {
                files.add(writeFile(table, hour, part));
            }
        }
        return files;
    }

    /** One data file of the hour, through Iceberg's generic Parquet writer. */
    public static DataFile writeFile(Table table, Instant hour, List<Tick> ticks) {
        StructLike partition = TicksTable.partition(hour);
        String name = "fixture-" + UUID.randomUUID() + ".parquet";
        OutputFile out = table.io().newOutputFile(table.locationProvider().newDataLocation(table.spec(), partition, name));
        try {
            DataWriter<Record> writer = Parquet.writeData(out).forTable(table).withSpec(table.spec())
                    .withPartition(partition).withSortOrder(table.sortOrder())
                    .createWriterFunc(GenericParquetWriter::create).overwrite().build();
            try (writer) {
                for (Tick tick : ticks) {
                    writer.write(record(table, tick));
                }
            }
            return writer.toDataFile();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a data file of " + hour, e);
        }
    }

    private static Record record(Table table, Tick tick) {
        Record r = GenericRecord.create(table.schema());
        r.setField("symbol", tick.symbol());
        r.setField("price", tick.price());
        r.setField("volume", tick.volume());
        r.setField("bid", tick.price() - 0.01);
        r.setField("ask", tick.price() + 0.01);
        r.setField("event_time", tick.eventTime().atOffset(ZoneOffset.UTC));
        r.setField("sequence", tick.sequence());
        r.setField("source", "SIMULATOR");
        r.setField("kafka_topic", "stock-ticks");
        r.setField("kafka_partition", tick.partition());
        r.setField("kafka_offset", tick.offset());
        r.setField("ingest_time", tick.eventTime().plusMillis(5).atOffset(ZoneOffset.UTC));
        return r;
    }

    @Override
    public void close() throws IOException {
        catalog.close();
    }
}
