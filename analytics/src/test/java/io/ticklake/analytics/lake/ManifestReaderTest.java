package io.ticklake.analytics.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.AnalyticsException;
import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.run.AnalyticsRunner;
import io.ticklake.analytics.run.BuildScope;
import io.ticklake.analytics.run.RunListener;
import io.ticklake.analytics.run.RunResult;
import io.ticklake.analytics.testing.FixtureLake;
import io.ticklake.analytics.testing.ModelFixtures;
import io.ticklake.analytics.testing.ModelOutput;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the compacted lake through its manifests only, and refusing manifests that break the contract. */
class ManifestReaderTest {

    private static final Instant HOUR_14 = Instant.parse("2026-11-20T14:00:00Z");

    @TempDir
    Path lakeDir;

    private DuckDbSession session;
    private ManifestReader reader;

    @BeforeEach
    void open() {
        AnalyticsConfig config = AnalyticsConfig.forLake(lakeDir.toString());
        session = DuckDbSession.open(config.duckDb());
        reader = new ManifestReader(session, config.lake());
    }

    @AfterEach
    void close() {
        session.close();
    }

    private Path hourDir() {
        return lakeDir.resolve("compacted/stock_ticks/year=2026/month=11/day=20/hour=14");
    }

    private void writeManifest(String json) throws Exception {
        Files.createDirectories(hourDir());
        Files.writeString(hourDir().resolve("_manifest.json"), json);
    }

    private static String manifest(int formatVersion, String hourStart, long rowCount, String path, long rows) {
        return """
                {"format_version": %d, "table": "stock_ticks", "hour_start": "%s", "version": 3,
                 "created_at": "2026-11-20T15:05:00Z", "source_fingerprint": "f00",
                 "row_count": %d, "files": [{"path": "%s", "rows": %d, "bytes": 10}]}
                """.formatted(formatVersion, hourStart, rowCount, path, rows);
    }

    @Test
    void readsTheFilesAManifestListsRelativeToItsHour() throws Exception {
        writeManifest(manifest(1, "2026-11-20T14:00:00Z", 7, "_v000003/part-00000.parquet", 7));
        // an hour whose compaction has not published yet has data files but no manifest
        Files.createDirectories(lakeDir.resolve("compacted/stock_ticks/year=2026/month=11/day=20/hour=15/_v000001"));

        var listed = reader.listManifests();
        assertThat(listed).containsOnlyKeys(HOUR_14);
        List<CompactedHour> hours = reader.read(listed.values());
        assertThat(hours).singleElement().satisfies(h -> {
            assertThat(h.hourStart()).isEqualTo(HOUR_14);
            assertThat(h.version()).isEqualTo(3);
            assertThat(h.rowCount()).isEqualTo(7);
            assertThat(h.files()).containsExactly(hourDir() + "/_v000003/part-00000.parquet");
        });
    }

    @Test
    void refusesAnUnknownFormatVersion() throws Exception {
        writeManifest(manifest(2, "2026-11-20T14:00:00Z", 7, "_v000003/part-00000.parquet", 7));
        assertThatThrownBy(() -> reader.read(reader.listManifests().values())).isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("_manifest.json has format_version 2; this reader understands 1");
    }

    @Test
    void refusesAManifestInTheWrongHourDirectory() throws Exception {
        writeManifest(manifest(1, "2026-11-20T13:00:00Z", 7, "_v000003/part-00000.parquet", 7));
        assertThatThrownBy(() -> reader.read(reader.listManifests().values()))
                .hasMessageContaining("says hour_start 2026-11-20T13:00:00Z but lies in the directory of hour 2026-11-20T14:00:00Z");
    }

    @Test
    void refusesARowCountItsFilesDoNotAddUpTo() throws Exception {
        writeManifest(manifest(1, "2026-11-20T14:00:00Z", 8, "_v000003/part-00000.parquet", 7));
        assertThatThrownBy(() -> reader.read(reader.listManifests().values()))
                .hasMessageContaining("promises row_count 8 but its files list 7 rows");
    }

    @Test
    void refusesAFileOutsideTheHourDirectory() throws Exception {
        writeManifest(manifest(1, "2026-11-20T14:00:00Z", 7, "../hour=13/_v000001/part-00000.parquet", 7));
        assertThatThrownBy(() -> reader.read(reader.listManifests().values()))
                .hasMessageContaining("lists file '../hour=13/_v000001/part-00000.parquet', which is not a path inside");
    }

    @Test
    void refusesAManifestThatIsNotJson() throws Exception {
        writeManifest("{\"format_version\": 1, \"table\": ");
        assertThatThrownBy(() -> reader.read(reader.listManifests().values())).isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("cannot read compacted manifests");
    }

    @Test
    void filesNotInTheManifestAreNeverRead() throws Exception {
        try (FixtureLake lake = new FixtureLake(lakeDir.toString())) {
            lake.publish(ModelFixtures.hour14());
        }
        // a compaction in progress has written version 2's file but not yet its manifest
        Path unpublished = hourDir().resolve("_v000002/part-00000.parquet");
        Files.createDirectories(unpublished.getParent());
        Files.copy(hourDir().resolve("_v000001/part-00000.parquet"), unpublished);

        RunResult result = AnalyticsRunner.create(AnalyticsConfig.forLake(lakeDir.toString()), RunListener.NONE)
                .run(BuildScope.hour(HOUR_14));
        assertThat(result.model("stg_ticks").rows()).isEqualTo(ModelFixtures.hour14().size());
    }

    @Test
    void readsAFileWithTheContractsExactParquetTypes() throws Exception {
        // written by pyarrow (src/test/resources/contract/make_contract_hour.py): required fields, INT32
        // partition, TIMESTAMP(MILLIS, isAdjustedToUTC=true) as the sink and compaction write them
        Path data = hourDir().resolve("_v000001/part-00000.parquet");
        Files.createDirectories(data.getParent());
        try (InputStream in = getClass().getResourceAsStream("/contract/contract-hour.parquet")) {
            Files.copy(in, data, StandardCopyOption.REPLACE_EXISTING);
        }
        writeManifest(manifest(1, "2026-11-20T14:00:00Z", 3, "_v000001/part-00000.parquet", 3));
        List<Map<String, Object>> schema = ModelOutput.query(lakeDir.toString(), "SELECT name, logical_type FROM"
                + " parquet_schema('" + data + "') WHERE name = 'event_time'");
        assertThat((String) schema.get(0).get("logical_type")).contains("isAdjustedToUTC=1").contains("MILLIS");

        RunResult result = AnalyticsRunner.create(AnalyticsConfig.forLake(lakeDir.toString()), RunListener.NONE)
                .run(BuildScope.hour(HOUR_14));

        assertThat(result.model("stg_ticks").rows()).isEqualTo(3);
        List<Map<String, Object>> bars = ModelOutput.rows(lakeDir.toString(), "ohlcv_1m", "window_start");
        assertThat(bars).extracting(r -> r.get("window_start"))
                .containsExactly("2026-11-20T14:00:00Z", "2026-11-20T14:59:00Z");
        assertThat(bars.get(0)).containsEntry("open", 10.0).containsEntry("close", 12.0);
        assertThat(bars.get(1)).containsEntry("last_event_time", "2026-11-20T14:59:59.999Z");
    }
}
