package io.ticklake.infra.launch;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the launcher starts and stops with itself (dashboard, simulator, scheduler): its own
 * session, so a Ctrl-C reaches only the launcher, which then stops it and everything it started
 * (Airflow's scheduler and workers) in order; output appended to its log.
 */
final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code workDir} with {@code environment} added to the launcher's own. */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
                              Path log) {
        List<String> line = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            line.add(SETSID.toString());
        }
        line.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== " + Instant.now() + " starting " + name + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = builder(line, environment, workDir)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code command} to its end; fails naming the log when it exits non-zero or outlasts {@code timeout}. */
    static void runToEnd(String name, List<String> command, Map<String, String> environment, Path workDir, Path log,
                         Duration timeout) {
        ChildProcess child = start(name, command, environment, workDir, log);
        int exit = child.awaitExit(timeout);
        if (exit != 0) {
            throw new LaunchException(name + (exit == Integer.MIN_VALUE ? " did not finish within " + timeout
                    : " failed with exit code " + exit) + "; see " + log);
        }
    }

    /** Runs {@code command} to its end with the launcher's own terminal as its output (it prints what the user must read). */
    static void runInForeground(String name, List<String> command, Map<String, String> environment, Path workDir,
                                Duration timeout) {
        try {
            Process process = builder(command, environment, workDir)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LaunchException(name + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new LaunchException(name + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while running " + name);
        }
    }

    /** {@code command} in {@code workDir}, stdin closed, {@code environment} added to the launcher's own. */
    private static ProcessBuilder builder(List<String> command, Map<String, String> environment, Path workDir) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        return builder;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or {@link Integer#MIN_VALUE} when it was stopped for outlasting {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            stop(Duration.ofSeconds(10));
            return Integer.MIN_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(Duration.ofSeconds(10));
            return Integer.MIN_VALUE;
        }
    }

    /**
     * SIGTERM to the process and everything it started, then SIGKILL to whatever is left after
     * {@code grace}. Descendants are listed first: once the parent is gone they are re-parented
     * and could no longer be found.
     */
    void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // still running after the grace: killed below
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
