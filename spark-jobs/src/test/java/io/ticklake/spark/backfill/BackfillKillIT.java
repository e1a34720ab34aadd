package io.ticklake.spark.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.spark.testing.LandedRaw;
import io.ticklake.spark.testing.TestSpark;
import io.ticklake.spark.testing.Tick;
import io.ticklake.spark.testing.TickTopic;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a backfill JVM with SIGKILL in the middle of a batch (its files landed, the batch not yet
 * recorded as done) and restarts it from the checkpoint: every record is landed exactly once.
 */
@ExtendWith(LocalPlatformExtension.class)
class BackfillKillIT {

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesFromItsCheckpointWithoutDuplicatesOrGaps(TestPlatform platform) throws Exception {
        TickTopic topic = new TickTopic(platform, "kill", 3);
        topic.produceTicks(100, Instant.parse("2026-11-20T16:00:00Z"));
        String lake = dir.resolve("lake").toUri().toString();
        Path marker = dir.resolve("batch-landed");
        Map<String, String> options = Map.of("lake", lake, "bootstrap-servers", platform.kafkaBootstrapServers(),
                "schema-registry-url", platform.schemaRegistryUrl(), "topic", topic.name(),
                "checkpoint", dir.resolve("checkpoint").toUri().toString(), "max-offsets-per-trigger", "60");

        Process child = startChild(options, 2, marker);
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> Files.exists(marker) || !child.isAlive());
            assertThat(child.isAlive()).as("backfill child (log: %s)", dir.resolve("child.log")).isTrue();
            child.destroyForcibly();                       // SIGKILL: no shutdown hooks, no clean stop
            assertThat(child.waitFor(Duration.ofSeconds(30).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        // batch 2 had landed its files when the JVM died: they are in the lake, the batch is not committed
        List<String> landedByKilledBatch = Files.readAllLines(marker);
        assertThat(landedByKilledBatch).isNotEmpty()
                .allSatisfy(uri -> assertThat(Path.of(URI.create(uri))).exists());
        List<Tick> beforeRestart = LandedRaw.readChecked(lake, TestSpark.session().sparkContext().hadoopConfiguration());
        assertThat(beforeRestart.size()).isBetween(180, 299);

        SparkSession spark = TestSpark.session();
        BackfillResult resumed = Backfill.in(spark).options(options).execute();

        assertThat(resumed.rowsLanded()).as("the resumed run replays batch 2 and lands the rest")
                .isEqualTo(300 - 120);
        BackfillIT.assertLandedExactlyOnce(LandedRaw.readChecked(lake, spark.sparkContext().hadoopConfiguration()),
                topic);
    }

    private Process startChild(Map<String, String> options, long hangBatch, Path marker) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
        command.addAll(Arrays.asList(System.getProperty("spark.add.opens", "").trim().split("\\s+")));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        command.addAll(List.of("-cp", classpath, BackfillChild.class.getName()));
        options.forEach((k, v) -> command.add(k + "=" + v));
        command.add("hang.batch=" + hangBatch);
        command.add("hang.marker=" + marker);
        File log = dir.resolve("child.log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }
}
