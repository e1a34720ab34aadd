package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.lake.table.TicksTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Files;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.spark.data.SparkParquetReaders;
import org.apache.spark.sql.catalyst.InternalRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HourColumns} appends straight from its columns: the file must hold what Iceberg's Spark writer
 * writes for the same rows, and carry the same metrics (counts, nulls, NaNs, bounds) for the table.
 */
class ColumnsWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesWhatIcebergsSparkWriterWritesWithTheSameMetrics() throws IOException {
        List<InternalRow> ticks = new ArrayList<>(HourColumnsTest.randomTicks(5_000, 0, 3_600_000, 31));
        ticks.set(7, withPrice(ticks.get(7), Double.NaN)); // Iceberg counts NaNs apart from the bounds
        HourColumns columns = new HourColumns(HourColumnsTest.HOUR_START, 16);
        columns.add(HourColumnsTest.rowGroup(ticks), 0);
        List<InternalRow> sorted = HourColumnsTest.rowsOf(columns.sorted());

        Path fromColumns = dir.resolve("columns.parquet");
        Metrics columnsMetrics = write(columns.sorted(), fromColumns);
        Path fromRows = dir.resolve("rows.parquet");
        Metrics rowsMetrics = write(new SortedInternalRows(sorted.iterator()), fromRows);

        assertThat(read(fromColumns)).hasSize(ticks.size()).isEqualTo(read(fromRows));
        assertThat(columnsMetrics.recordCount()).isEqualTo(rowsMetrics.recordCount());
        assertThat(columnsMetrics.valueCounts()).isEqualTo(rowsMetrics.valueCounts());
        assertThat(columnsMetrics.nullValueCounts()).isEqualTo(rowsMetrics.nullValueCounts());
        assertThat(columnsMetrics.nanValueCounts()).isEqualTo(rowsMetrics.nanValueCounts()).containsEntry(2, 1L);
        assertThat(columnsMetrics.lowerBounds()).isEqualTo(rowsMetrics.lowerBounds());
        assertThat(columnsMetrics.upperBounds()).isEqualTo(rowsMetrics.upperBounds());
    }

    private static <R> Metrics write(SortedTicks<R> rows, Path file) throws IOException {
        FileAppender<R> appender = Parquet.write(Files.localOutput(file.toFile())).schema(TicksTable.SCHEMA)
                .createWriterFunc(rows::parquetWriter).build();
        try (appender) {
            while (rows.next()) {
                appender.add(rows.row());
            }
        }
        return appender.metrics();
    }

    private static List<String> read(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        try (CloseableIterable<InternalRow> reader = Parquet.read(Files.localInput(file.toFile()))
                .project(TicksTable.SCHEMA)
                .createReaderFunc(schema -> SparkParquetReaders.buildReader(TicksTable.SCHEMA, schema)).build()) {
            reader.forEach(row -> rows.add(HourColumnsTest.describe(row)));
        }
        return rows;
    }

    private static InternalRow withPrice(InternalRow tick, double price) {
        InternalRow copy = tick.copy();
        copy.setDouble(1, price);
        return copy;
    }
}
