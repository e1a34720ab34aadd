package io.ticklake.infra.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the launcher remembers about a process it started: its pid, when it started (to tell it
 * from a later process that reuses the pid), a marker its command line must contain, and the ports
 * it was given. Stored as {@code <name>.state} next to a plain {@code <name>.pid} for humans and
 * scripts.
 */
public record ProcessRecord(long pid, long startedAtMillis, String marker, Map<String, Integer> ports) {

    private static final String PORT_PREFIX = "port.";

    public ProcessRecord {
        ports = Map.copyOf(ports);
    }

    /** Writes the state file and the plain pid file atomically, so a reader never sees half of one. */
    public void write(Path runDir, String name) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("startedAtMillis", Long.toString(startedAtMillis));
        properties.setProperty("marker", marker);
        ports.forEach((key, port) -> properties.setProperty(PORT_PREFIX + key, Integer.toString(port)));
        try {
            Files.createDirectories(runDir);
            Path tmp = runDir.resolve(name + ".state.tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                properties.store(writer, "process started by the ticklake platform launcher");
            }
            Files.move(tmp, stateFile(runDir, name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(pidFile(runDir, name), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pid file of " + name + " in " + runDir, e);
        }
    }

    /** The record of {@code name}, if a readable one exists. A damaged file counts as absent. */
    public static Optional<ProcessRecord> read(Path runDir, String name) {
        Path file = stateFile(runDir, name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            Map<String, Integer> ports = new TreeMap<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith(PORT_PREFIX)) {
                    ports.put(key.substring(PORT_PREFIX.length()), Integer.parseInt(properties.getProperty(key)));
                }
            }
            return Optional.of(new ProcessRecord(
                    Long.parseLong(properties.getProperty("pid")),
                    Long.parseLong(properties.getProperty("startedAtMillis")),
                    properties.getProperty("marker"),
                    ports));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes both files; missing files are fine. */
    public static void delete(Path runDir, String name) {
        try {
            Files.deleteIfExists(stateFile(runDir, name));
            Files.deleteIfExists(pidFile(runDir, name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the pid file of " + name + " in " + runDir, e);
        }
    }

    public static Path pidFile(Path runDir, String name) {
        return runDir.resolve(name + ".pid");
    }

    private static Path stateFile(Path runDir, String name) {
        return runDir.resolve(name + ".state");
    }
}
