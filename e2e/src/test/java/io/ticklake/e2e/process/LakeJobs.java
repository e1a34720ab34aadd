package io.ticklake.e2e.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.infra.runtime.JavaCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lake jobs, run the way Airflow runs them: {@code spark-jobs/bin/spark-job compact} and
 * {@code backfill} (Spark in local mode, one JSON line on stdout) and {@code java -jar analytics.jar run}. Each runs to
 * completion in its own process; a non-zero exit fails with the job's last log lines.
 */
public final class LakeJobs {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Artifacts artifacts;
    private final Path workDir;

    public LakeJobs(Artifacts artifacts, Path workDir) {
        this.artifacts = artifacts;
        this.workDir = workDir;
    }

    /** Compacts every closed hour of the lake with raw data (the job's default scope); its JSON result. */
    public JsonNode compact(String lake) {
        String out = run("compact", List.of(artifacts.sparkJobScript().toString(), "compact", "--lake", lake),
                // a small lake: a small heap, and two cores are all the machine has
                Map.of("SPARK_JOB_HEAP", "1g"));
        return lastJsonLine("compact", out);
    }

    private static JsonNode lastJsonLine(String job, String out) {
        String[] lines = out.strip().split("\n");
        try {
            return JSON.readTree(lines[lines.length - 1]);
        } catch (IOException e) {
            throw new IllegalStateException("spark-job " + job + " printed no JSON result: " + out, e);
        }
    }

    /**
     * Lands every record of {@code topic} now in the raw lake ({@code spark-job backfill}, trigger
     * available-now); its JSON result. {@code clientConfig} is the cluster's client properties file
     * (security and registry TLS), or null.
     */
    public JsonNode backfill(String lake, String bootstrapServers, String registryUrl, String topic, Path clientConfig) {
        List<String> command = new ArrayList<>(List.of(artifacts.sparkJobScript().toString(), "backfill",
                "--lake", lake, "--bootstrap-servers", bootstrapServers, "--schema-registry-url", registryUrl,
                "--topic", topic, "--checkpoint", workDir.resolve("backfill-checkpoint").toUri().toString()));
        if (clientConfig != null) {
            command.add("--client-config");
            command.add(clientConfig.toString());
        }
        return lastJsonLine("backfill", run("backfill", command, Map.of("SPARK_JOB_HEAP", "1g")));
    }

    /** Rebuilds every analytics model of the lake ({@code --full}); the runner's table of what it did. */
    public String buildModels(String lake) {
        List<String> command = new JavaCommand().heap("512m").jar(artifacts.analyticsJar())
                .arguments("run", "--lake", lake, "--full", "--threads", "2", "--memory-limit", "1GB",
                        "--temp-dir", workDir.resolve("duckdb-tmp").toString())
                .toList();
        return run("analytics", command, Map.of());
    }

    private String run(String name, List<String> command, Map<String, String> environment) {
        Path stdout = workDir.resolve(name + ".out");
        Path log = workDir.resolve(name + ".log");
        try (ChildProcess process = ChildProcess.start(name, command, environment, workDir, stdout, log)) {
            int exit = process.waitFor(TIMEOUT);
            String out = Files.readString(stdout);
            if (exit != 0) {
                throw new IllegalStateException(name + " exited with " + exit + "; stdout:\n" + out
                        + "\nlast log lines:\n" + process.logTail(40));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
