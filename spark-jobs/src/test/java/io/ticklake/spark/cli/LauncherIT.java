package io.ticklake.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.testing.LakeTable;
import io.ticklake.spark.testing.MinioLake;
import io.ticklake.spark.testing.RawFiles;
import io.ticklake.spark.testing.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/spark-job} as the scheduler calls it: a fresh JVM, local[*], options on the command line. */
@ExtendWith(LocalPlatformExtension.class)
class LauncherIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("basedir", System.getProperty("user.dir")),
            "bin", "spark-job");

    @TempDir
    Path dir;

    @Test
    void compactsAnHourOnMinioAndPrintsTheResultAsJson(TestPlatform platform) throws Exception {
        MinioLake minio = MinioLake.create(platform, TestSpark.session().sparkContext().hadoopConfiguration());
        HourPartition hour = HourPartition.parse("2026-11-20T08");
        RawFiles raw = new RawFiles(minio.lake(), minio.conf());
        raw.sinkFile(hour, "stock-ticks", 0, 0, 70);
        raw.backfillFile(hour, "stock-ticks", 0, 50, 90);
        List<String> args = new ArrayList<>(List.of("compact", "--hour", "2026-11-20T08"));
        minio.options().forEach((k, v) -> args.addAll(List.of("--" + k, v)));

        Result result = launch(args, minio.environment());

        assertThat(result.code).as(result.stderr).isZero();
        assertThat(result.stderr).as("the job's log").doesNotContain(minio.s3().secretKey());
        JsonNode json = new ObjectMapper().readTree(result.stdout.strip());
        assertThat(json.get("rows_out").asLong()).isEqualTo(90);
        assertThat(json.get("duplicates_dropped").asLong()).isEqualTo(20);
        assertThat(json.get("hours").get(0).get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(json.get("snapshots")).hasSize(1);
        try (LakeTable table = minio.table(TestSpark.session())) {
            assertThat(table.rows(hour)).hasSize(90);
        }
    }

    @Test
    void theFirstRunArchivesItsClassesForTheNextAndStdoutHoldsOnlyTheResult() throws Exception {
        Path archive = LAUNCHER.getParent().resolveSibling("target").resolve("spark-job.jsa");
        Files.deleteIfExists(archive);
        Path lake = dir.resolve("lake");
        new RawFiles(lake.toUri().toString(), new org.apache.hadoop.conf.Configuration())
                .sinkFile(HourPartition.parse("2026-11-20T08"), "stock-ticks", 0, 0, 10);
        List<String> args = List.of("compact", "--lake", lake.toUri().toString(), "--hour", "2026-11-20T08");
        // a run that starts no job would archive too few classes for every later run
        assertThat(launch(List.of("compact", "--help"), Map.of()).code).isZero();
        assertThat(archive).doesNotExist();

        Result first = launch(args, Map.of());

        assertThat(first.code).as(first.stderr).isZero();
        assertThat(first.stdout.lines().toList()).as("stdout").hasSize(1).allMatch(line -> line.startsWith("{"));
        assertThat(archive).exists();
        try (var left = Files.list(archive.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("spark-job.jsa."));
        }
        // -Xshare:on: the JVM refuses to start unless it can map the archive
        Result second = launch(args, Map.of("SPARK_JOB_JAVA_OPTS", "-Xshare:on"));

        assertThat(second.code).as(second.stderr).isZero();
        assertThat(second.stdout.lines().toList()).as("stdout").hasSize(1).allMatch(line -> line.startsWith("{"));
    }

    @Test
    void exitsWithTwoNamingABadOption() throws Exception {
        Result result = launch(List.of("compact", "--lake", dir.toUri().toString(), "--on-bad-file", "ignore"), Map.of());

        assertThat(result.code).isEqualTo(2);
        assertThat(result.stderr).contains("Option 'on-bad-file'");
        assertThat(result.stdout).isEmpty();
    }

    private Result launch(List<String> args, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(args);
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("SPARK_JOB_HEAP", "1g");
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("launcher finished").isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Result(int code, String stdout, String stderr) {
    }
}
