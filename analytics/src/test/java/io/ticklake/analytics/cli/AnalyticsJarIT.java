package io.ticklake.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.analytics.testing.FixtureLake;
import io.ticklake.analytics.testing.ModelFixtures;
import io.ticklake.analytics.testing.ModelOutput;
import io.ticklake.analytics.testing.Tick;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code target/analytics.jar}, run as a process the way Airflow runs it. */
class AnalyticsJarIT {

    @TempDir
    Path lakeDir;

    private record Outcome(int exitCode, String stdout, String stderr) {
    }

    private static Outcome java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", System.getProperty("analytics.jar",
                "target/analytics.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        // drain stderr concurrently so a chatty run cannot block on a full pipe
        var stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("analytics.jar did not finish in 2 minutes");
        }
        return new Outcome(process.exitValue(), stdout, stderr.join());
    }

    @Test
    void runsTheModelsForAnHour() throws Exception {
        try (FixtureLake lake = new FixtureLake(lakeDir.toString())) {
            lake.publish(ModelFixtures.hour14());
        }
        Outcome outcome = java("run", "--lake", lakeDir.toUri().toString(), "--hour", "2026-11-20T14");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("ohlcv_1m").contains("daily_summary").contains("finished in");
        assertThat(outcome.stderr()).contains("stg_ticks done: " + ModelFixtures.hour14().size() + " rows");
        assertThat(ModelOutput.rows(lakeDir.toString(), "min_max_avg", "symbol")).extracting(r -> r.get("symbol"))
                .containsExactly("AAA", "BBB", "CCC", "DDD");

        // the hour was recorded as built from the table's current files: a changed run has nothing to do
        Outcome changed = java("run", "--lake", lakeDir.toUri().toString(), "--changed");
        assertThat(changed.exitCode()).as(changed.stderr()).isZero();
        assertThat(changed.stderr()).contains("nothing to build: every hour of ticklake.ticks snapshot");
    }

    @Test
    void aDataTestFailureExitsWithOneAndNamesTheModel() throws Exception {
        List<Tick> ticks = new ArrayList<>(ModelFixtures.hour14());
        ticks.add(Tick.of("AAA", "2026-11-20T14:00:10Z", 101.0, 10, 1));
        try (FixtureLake lake = new FixtureLake(lakeDir.toString())) {
            lake.publish(ticks);
        }
        Outcome outcome = java("run", "--lake", lakeDir.toString(), "--day", "2026-11-20");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("FAILED: data tests failed for model 'stg_ticks'")
                .contains("unique_key(kafka_topic, kafka_partition, kafka_offset): 1 failing row")
                .contains("kafka_offset=1");
    }

    @Test
    void aWrongCommandLineExitsWithTwoAndPrintsUsage() throws Exception {
        Outcome outcome = java("run", "--lake", lakeDir.toString(), "--hour", "2026-11-20T14:30");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("not on an hour boundary").contains("usage:");
    }

    @Test
    void listsTheModelsInRunOrder() throws Exception {
        Outcome outcome = java("models");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout().lines().skip(1).map(l -> l.split("\\s+")[0]).toList())
                .startsWith("stg_ticks", "ohlcv_1m").contains("daily_summary", "volatility")
                .endsWith("data_quality_hourly");
    }
}
