package io.ticklake.spark.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

    private static final HourPartition HOUR = HourPartition.parse("2026-11-20T14");

    @TempDir
    Path dir;

    @Test
    void readsTheContractsExampleManifest() throws Exception {
        String json = """
                {"format_version":1,"table":"stock_ticks","hour_start":"2026-11-20T14:00:00Z","version":3,
                 "created_at":"2026-11-20T15:20:00Z","source_fingerprint":"sha256:ab","row_count":123,
                 "files":[{"path":"_v000003/part-00000.parquet","rows":123,"bytes":4567}]}""";
        Manifest manifest = ManifestJson.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "x");
        assertThat(manifest.version()).isEqualTo(3);
        assertThat(manifest.hour()).isEqualTo(HOUR);
        assertThat(manifest.files()).containsExactly(new ManifestFile("_v000003/part-00000.parquet", 123, 4567));
    }

    @Test
    void listsTheCurrentFilesOfAHourOnTheLocalLake() throws Exception {
        String lake = dir.toUri().toString();
        Manifest manifest = new Manifest(1, "stock_ticks", HOUR.start(), 2, Instant.parse("2026-11-20T15:20:00Z"),
                "sha256:00", 30, List.of(new ManifestFile("_v000002/part-00000.parquet", 10, 100),
                new ManifestFile("_v000002/part-00001.parquet", 20, 200)));
        Path hourDir = dir.resolve("compacted/stock_ticks/year=2026/month=11/day=20/hour=14");
        Files.createDirectories(hourDir);
        Files.write(hourDir.resolve("_manifest.json"), ManifestJson.toBytes(manifest));

        ManifestReader reader = ManifestReader.local(lake);

        assertThat(reader.manifest(HOUR)).contains(manifest);
        assertThat(reader.currentFiles(HOUR)).containsExactly(
                hourDir.resolve("_v000002/part-00000.parquet").toUri(),
                hourDir.resolve("_v000002/part-00001.parquet").toUri());
        assertThat(reader.currentFiles(HourPartition.parse("2026-11-20T15"))).isEmpty();
    }

    @Test
    void resolvesObjectStoreLakesThroughTheGivenOpener() throws Exception {
        Manifest manifest = new Manifest(1, "stock_ticks", HOUR.start(), 1, Instant.now(), "f", 5,
                List.of(new ManifestFile("_v000001/part-00000.parquet", 5, 50)));
        ManifestReader reader = ManifestReader.of("s3://bucket/lake/", uri -> {
            assertThat(uri).isEqualTo(URI.create(
                    "s3://bucket/lake/compacted/stock_ticks/year=2026/month=11/day=20/hour=14/_manifest.json"));
            return new ByteArrayInputStream(ManifestJson.toBytes(manifest));
        });
        assertThat(reader.currentFiles(HOUR)).containsExactly(URI.create(
                "s3://bucket/lake/compacted/stock_ticks/year=2026/month=11/day=20/hour=14/_v000001/part-00000.parquet"));
    }

    @Test
    void refusesManifestsItCannotTrust() {
        assertThatThrownBy(() -> parse("{\"format_version\":2}"))
                .isInstanceOf(InvalidManifestException.class).hasMessageContaining("format_version 2");
        assertThatThrownBy(() -> parse("""
                {"format_version":1,"table":"stock_ticks","hour_start":"2026-11-20T14:00:00Z","version":1,
                 "created_at":"2026-11-20T15:20:00Z","source_fingerprint":"f","row_count":9,
                 "files":[{"path":"_v000001/part-00000.parquet","rows":5,"bytes":1}]}"""))
                .isInstanceOf(InvalidManifestException.class).hasMessageContaining("row_count 9");
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("where");
        assertThatThrownBy(() -> parse("""
                {"format_version":1,"table":"stock_ticks","hour_start":"2026-11-20T14:00:00Z","version":1,
                 "created_at":"2026-11-20T15:20:00Z","source_fingerprint":"f","row_count":1,
                 "files":[{"path":"../../raw/x.parquet","rows":1,"bytes":1}]}"""))
                .isInstanceOf(InvalidManifestException.class).hasMessageContaining("relative");
    }

    private static Manifest parse(String json) throws Exception {
        return ManifestJson.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "where");
    }
}
