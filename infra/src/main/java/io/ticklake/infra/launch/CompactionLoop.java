package io.ticklake.infra.launch;

import io.ticklake.infra.runtime.JavaCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The schedule without Airflow: every N minutes, the commands of the {@code lake_compaction} DAG in
 * its order (compact the changed closed hours of the lookback, build the models of the hours whose
 * data changed, check the data-quality thresholds of the lookback, maintain the table). A failed command is logged and the next one still runs; the
 * next round retries what failed, as the DAG's next run would.
 */
final class CompactionLoop implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofHours(1);
    private static final int LOOKBACK_HOURS = 48;
    /** Hours as the jobs' command lines name them (2026-11-20T14), in UTC. */
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    /** One command of the schedule, named for the log; made when it runs (it may name the current hours). */
    record Step(String name, Supplier<List<String>> command) {
    }

    private final List<Step> steps;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "compaction-loop");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<ChildProcess> running = new AtomicReference<>();

    CompactionLoop(List<Step> steps, Map<String, String> environment, Path workDir, Path log) {
        this.steps = List.copyOf(steps);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.log = log;
    }

    /** The DAG's commands for {@code lake}, with this checkout's launchers. */
    static List<Step> dagSteps(Path repo, String lake) {
        String sparkJob = repo.resolve("spark-jobs/bin/spark-job").toString();
        List<String> analytics = List.of(JavaCommand.javaExecutable().toString(), "-jar",
                repo.resolve("analytics/target/analytics.jar").toString());
        return List.of(
                new Step("compaction", () -> List.of(sparkJob, "compact", "--lake", lake, "--lookback", LOOKBACK_HOURS + "h")),
                new Step("models", () -> concat(analytics, "run", "--lake", lake, "--changed")),
                new Step("quality", () -> {
                    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
                    return concat(analytics, "quality", "--lake", lake, "--from", HOUR.format(hour.minus(LOOKBACK_HOURS,
                            ChronoUnit.HOURS)), "--to", HOUR.format(hour));
                }),
                new Step("maintenance", () -> List.of(sparkJob, "maintain", "--lake", lake)));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    void start(Duration every) {
        executor.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        note("compacting changed hours, building their models, maintaining the table");
        for (Step step : steps) {
            if (executor.isShutdown()) {
                return;
            }
            ChildProcess child = ChildProcess.start(step.name(), step.command().get(), environment, workDir, log);
            running.set(child);
            int exit = child.awaitExit(COMMAND_TIMEOUT);
            running.set(null);
            if (exit != 0) {
                note(step.name() + " failed (" + (exit == Integer.MIN_VALUE ? "timed out" : "exit code " + exit) + ")");
            }
        }
        note("done");
    }

    /** Stops the schedule and the command running now, if any. */
    @Override
    public void close() {
        executor.shutdownNow();
        ChildProcess child = running.get();
        if (child != null) {
            child.stop(Duration.ofSeconds(30));
        }
    }

    private void note(String message) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, Instant.now() + " " + message + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // best effort: the commands' own output, in the same log, says more
        }
    }
}
