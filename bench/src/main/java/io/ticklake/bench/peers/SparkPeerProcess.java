package io.ticklake.bench.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SparkPeer} job in a JVM of its own, started with the heap and JVM options our Kafka Streams JVM gets
 * (so neither engine shares a heap or a collector with the harness, and both run under the same GC settings),
 * on this JVM's classpath with its module opens (Spark needs them) and its logging configuration.
 */
final class SparkPeerProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a finished job reports: its query's duration, the JVM's, and each micro-batch with input rows. */
    record Result(double querySeconds, double jvmSeconds, long[] batchRows, long[] batchMillis) {

        /** Rows over the micro-batches' own durations, the first left out from 3 batches on (code generation). */
        double sustained() {
            int from = batchRows.length >= 3 ? 1 : 0;
            long rows = Arrays.stream(batchRows, from, batchRows.length).sum();
            long millis = Arrays.stream(batchMillis, from, batchMillis.length).sum();
            return millis == 0 ? Double.NaN : rows / (millis / 1e3);
        }
    }

    private final Process process;
    private final Path resultFile;
    private final Path log;

    private SparkPeerProcess(Process process, Path resultFile, Path log) {
        this.process = process;
        this.resultFile = resultFile;
        this.log = log;
    }

    /**
     * @param job the job's options (see {@link SparkPeer}); the result file is added
     * @param sparkConf settings of the Spark session
     */
    static SparkPeerProcess start(String heap, String jvmOptions, Map<String, String> job, Map<String, String> sparkConf,
            Path workDir) throws IOException {
        String id = job.get("job") + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path resultFile = workDir.resolve("spark-" + id + ".json");
        Path log = workDir.resolve("spark-" + id + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap));
        Arrays.stream(jvmOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(command::add);
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports")
                        || a.startsWith("-Dlog4j2.configurationFile"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkPeer.class.getName()));
        Map<String, String> args = new TreeMap<>(job);
        args.put("result", resultFile.toString());
        args.putAll(sparkConf);
        args.forEach((key, value) -> command.add(key + "=" + value));
        Process process = EngineJvms.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()));
        return new SparkPeerProcess(process, resultFile, log);
    }

    /** Waits for the job to end and returns its result; fails naming the log when it failed or took too long. */
    Result await(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the Spark job did not end within " + timeout + "; log " + log);
        }
        if (process.exitValue() != 0 || !Files.exists(resultFile)) {
            throw new IllegalStateException("the Spark job exited with " + process.exitValue() + "; log " + log);
        }
        JsonNode result = JSON.readTree(resultFile.toFile());
        List<JsonNode> batches = new ArrayList<>();
        result.path("batches").forEach(batches::add);
        return new Result(result.path("query_seconds").asDouble(), result.path("jvm_seconds").asDouble(),
                batches.stream().mapToLong(b -> b.path("rows").asLong()).toArray(),
                batches.stream().mapToLong(b -> b.path("millis").asLong()).toArray());
    }

    /** Fails naming the log when the process has ended (a live job runs until closed). */
    void ensureAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the Spark job exited with " + process.exitValue() + "; log " + log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        EngineJvms.stop(process);
    }
}
