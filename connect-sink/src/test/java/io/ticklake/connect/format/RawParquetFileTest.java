package io.ticklake.connect.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.connect.testing.InMemoryObjectStore;
import io.ticklake.connect.testing.LakeRows;
import io.ticklake.connect.testing.Ticks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawParquetFileTest {

    @TempDir
    Path tmp;

    @Test
    void columnsTypesAndFooterFollowTheLakeContract() throws Exception {
        RawParquetFile file = new RawParquetFile("f", RawTickRow.SCHEMA, "stock-ticks", 4, new ParquetSettings(1 << 20, 64 * 1024));
        Instant time = Instant.parse("2026-11-20T14:10:00.123Z");
        file.write(new RawTickRow(Ticks.tick("ACME", time, 3), 42, time.toEpochMilli() + 7));
        byte[] bytes = file.finish(Map.of("ticklake.batch.start", "42")).toByteArray();
        Path path = Files.write(tmp.resolve("f.parquet"), bytes);

        assertThat(LakeRows.describe(path)).containsExactly(
                "symbol VARCHAR REQUIRED", "price DOUBLE REQUIRED", "volume BIGINT REQUIRED", "bid DOUBLE OPTIONAL",
                "ask DOUBLE OPTIONAL", "event_time TIMESTAMP WITH TIME ZONE REQUIRED", "sequence BIGINT REQUIRED",
                "source VARCHAR REQUIRED", "kafka_topic VARCHAR REQUIRED", "kafka_partition INTEGER REQUIRED",
                "kafka_offset BIGINT REQUIRED", "ingest_time TIMESTAMP WITH TIME ZONE REQUIRED");
        assertThat(LakeRows.read(tmp)).singleElement().satisfies(row -> {
            assertThat(row.eventTimeMs()).isEqualTo(time.toEpochMilli());
            assertThat(row.ingestTimeMs()).isEqualTo(time.toEpochMilli() + 7);
            assertThat(row.partition()).isEqualTo(4);
            assertThat(row.offset()).isEqualTo(42);
        });

        InMemoryObjectStore store = new InMemoryObjectStore();
        io.ticklake.connect.storage.FileBytes content = new io.ticklake.connect.storage.FileBytes();
        content.write(bytes, 0, bytes.length);
        assertThat(store.putIfAbsent("k", content)).isTrue();
        assertThat(FooterMetadata.read(store, "k").orElseThrow()).containsEntry("ticklake.batch.start", "42");
        assertThat(FooterMetadata.read(store, "missing")).isEmpty();
    }

    @Test
    void compressesWithSnappy() throws Exception {
        RawParquetFile file = new RawParquetFile("f", RawTickRow.SCHEMA, "stock-ticks", 0, new ParquetSettings(1 << 20, 64 * 1024));
        for (int i = 0; i < 1000; i++) {
            Instant time = Instant.parse("2026-11-20T14:00:00Z").plusMillis(i);
            file.write(new RawTickRow(Ticks.tick("ACME", time, i), i, time.toEpochMilli()));
        }
        Path path = Files.write(tmp.resolve("g.parquet"), file.finish(Map.of()).toByteArray());
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var rs = connection.createStatement().executeQuery("SELECT DISTINCT compression FROM parquet_metadata('"
                     + path + "')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("SNAPPY");
            assertThat(rs.next()).isFalse();
        }
    }
}
