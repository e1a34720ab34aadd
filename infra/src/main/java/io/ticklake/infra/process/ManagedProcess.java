package io.ticklake.infra.process;

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
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A service process started by the launcher: spawned detached with its output appended to a log
 * file, recorded in a pid file, and later found again (by another JVM) and stopped only if it is
 * still the very process that was recorded.
 */
public final class ManagedProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final long START_TIME_TOLERANCE_MILLIS = 2_000;
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(5);
    private static final long EXEC_POLL_NANOS = 1_000_000L;

    private final String name;
    private final ProcessHandle handle;
    private final ProcessRecord record;
    private final Path runDir;
    private final Path logFile;
    private final boolean spawnedHere;

    private ManagedProcess(String name, ProcessHandle handle, ProcessRecord record, Path runDir, Path logFile,
                           boolean spawnedHere) {
        this.name = name;
        this.handle = handle;
        this.record = record;
        this.runDir = runDir;
        this.logFile = logFile;
        this.spawnedHere = spawnedHere;
    }

    /** What to start and where its traces go. */
    public record Spec(String name, List<String> command, Map<String, String> environment, Path workDir,
                       Path runDir, Path logFile, String marker, Map<String, Integer> ports) {
        public Spec {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
            ports = Map.copyOf(ports);
        }
    }

    /**
     * Starts {@code spec.command()} in its own session, so a Ctrl-C in the terminal that ran the
     * launcher does not reach it and it outlives the launcher's JVM.
     */
    public static ManagedProcess spawn(Spec spec) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString()); // execs in place: the pid we record is the service's
        }
        command.addAll(spec.command());
        try {
            Files.createDirectories(spec.workDir());
            Files.createDirectories(spec.logFile().getParent());
            Files.writeString(spec.logFile(),
                    "==== " + Instant.now() + " starting " + spec.name() + ": " + readable(spec.command()) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.workDir().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(spec.environment());
            ProcessHandle handle = builder.start().toHandle();
            awaitExec(handle, spec.marker());
            long startedAt = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            ProcessRecord record = new ProcessRecord(handle.pid(), startedAt, spec.marker(), spec.ports());
            record.write(spec.runDir(), spec.name());
            return new ManagedProcess(spec.name(), handle, record, spec.runDir(), spec.logFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Until the child carries the marker in its command line (at most 5 s). Right after {@code start()} it
     * may still be the JVM's spawn helper: recorded then, a lookup by another launcher would take the
     * record for a stale one and delete it.
     */
    private static void awaitExec(ProcessHandle handle, String marker) {
        long deadline = System.nanoTime() + EXEC_TIMEOUT.toNanos();
        while (handle.isAlive() && System.nanoTime() < deadline && !carriesMarker(handle, marker)) {
            LockSupport.parkNanos(EXEC_POLL_NANOS);
        }
    }

    /**
     * The process recorded for {@code name}, if it is still running and still ours (same start
     * time, marker in its command line). A stale record is removed.
     */
    public static Optional<ManagedProcess> find(String name, Path runDir, Path logFile) {
        Optional<ProcessRecord> record = ProcessRecord.read(runDir, name);
        if (record.isEmpty()) {
            ProcessRecord.delete(runDir, name); // a damaged or partial record
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(record.get().pid()).filter(h -> isSameProcess(h, record.get()));
        if (handle.isEmpty()) {
            ProcessRecord.delete(runDir, name);
            return Optional.empty();
        }
        return Optional.of(new ManagedProcess(name, handle.get(), record.get(), runDir, logFile, false));
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public ProcessRecord record() {
        return record;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * True while the recorded process runs. A process this JVM spawned is known by its handle (its
     * command line is not the service's until it has exec'd); one found through a pid file must
     * still carry its start time and marker.
     */
    public boolean isAlive() {
        return spawnedHere ? handle.isAlive() : isSameProcess(handle, record);
    }

    /** Asks the process to stop (SIGTERM), and kills it when it has not stopped within {@code grace}. */
    public void terminate(Duration grace) {
        if (isAlive()) {
            handle.destroy();
            if (!awaitExit(grace)) {
                handle.destroyForcibly();
                awaitExit(Duration.ofSeconds(30));
            }
        }
        forget();
    }

    /** Kills the process at once (SIGKILL), as a crash would; waits until it is gone. */
    public void kill() {
        if (isAlive()) {
            handle.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
        forget();
    }

    /**
     * Sends the process a signal by name ({@code STOP}, {@code CONT}) with the system's {@code kill}
     * command, which the JDK has no API for; fails if the process is gone or {@code kill} fails.
     */
    public void signal(String signal) {
        if (!signal.matches("[A-Z0-9]+")) {
            throw new IllegalArgumentException("not a signal name: " + signal);
        }
        if (!isAlive()) {
            throw new IllegalStateException(name + " (pid " + pid() + ") is not running; cannot send SIG" + signal);
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + signal + " " + pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to " + name, e);
        }
    }

    /** Removes the pid file, once the process is known to be gone. */
    public void forget() {
        if (!handle.isAlive()) {
            ProcessRecord.delete(runDir, name);
        }
    }

    /** The command for the log's header line, with the long classpath summarised. */
    private static String readable(List<String> command) {
        List<String> shown = new ArrayList<>();
        for (String argument : command) {
            shown.add(argument.length() > 300 && argument.contains(File.pathSeparator)
                    ? "<" + argument.split(File.pathSeparator).length + " classpath entries>"
                    : argument);
        }
        return String.join(" ", shown);
    }

    private boolean awaitExit(Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }

    private static boolean isSameProcess(ProcessHandle handle, ProcessRecord record) {
        if (!handle.isAlive()) {
            return false;
        }
        if (record.startedAtMillis() != 0) {
            Optional<Instant> started = handle.info().startInstant();
            if (started.isPresent()
                    && Math.abs(started.get().toEpochMilli() - record.startedAtMillis()) > START_TIME_TOLERANCE_MILLIS) {
                return false; // the pid was reused by another process
            }
        }
        return carriesMarker(handle, record.marker());
    }

    private static boolean carriesMarker(ProcessHandle handle, String marker) {
        return CommandLines.of(handle.pid()).map(line -> line.contains(marker)).orElse(false);
    }
}
