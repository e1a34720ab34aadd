package io.ticklake.streams.testing;

import io.ticklake.streams.StreamsApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone runner ({@link StreamsApp}) in a JVM of its own, so that a test can kill it like
 * a crash (SIGKILL, no shutdown hook, no commit). Its output goes to {@code log}.
 */
public final class ChildStreamsProcess implements AutoCloseable {

    private final Process process;

    private ChildStreamsProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code StreamsApp key=value...} with this JVM's class path. */
    public static ChildStreamsProcess start(Map<String, Object> config, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StreamsApp.class.getName());
        config.forEach((key, value) -> command.add(key + "=" + value));
        try {
            return new ChildStreamsProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A clean stop (SIGTERM runs the shutdown hook), forced after 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
