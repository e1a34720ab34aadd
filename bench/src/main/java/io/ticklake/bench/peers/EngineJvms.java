package io.ticklake.bench.peers;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The engine JVMs the harness starts (our streams app, every Spark job), so that each one is stopped the same
 * way, and all of them when the harness itself is stopped (Ctrl-C) while the broker they talk to still runs.
 */
final class EngineJvms {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    private EngineJvms() {
    }

    static Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        RUNNING.add(process);
        process.onExit().thenRun(() -> RUNNING.remove(process));
        return process;
    }

    /** SIGTERM (the JVM's shutdown: Streams leaves its group, Spark stops its query), SIGKILL after 30 s. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Stops every engine JVM still running. */
    static void stopAll() throws InterruptedException {
        List<Process> running = List.copyOf(RUNNING);
        running.forEach(Process::destroy);
        for (Process process : running) {
            stop(process);
        }
    }
}
