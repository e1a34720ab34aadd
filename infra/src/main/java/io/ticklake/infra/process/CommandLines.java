package io.ticklake.infra.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the command line of a running process, to recognise our own processes by a marker. */
public final class CommandLines {

    private CommandLines() {
    }

    /** The full command line of {@code pid}, arguments separated by spaces, if it can be read. */
    public static Optional<String> of(long pid) {
        Path procCmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        if (Files.isReadable(procCmdline)) {
            try {
                String raw = new String(Files.readAllBytes(procCmdline), StandardCharsets.UTF_8);
                String joined = raw.replace('\0', ' ').trim();
                return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
            } catch (IOException e) {
                return Optional.empty(); // the process ended while we looked
            }
        }
        // Without /proc (macOS) the JDK's view is the best there is.
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine());
    }

    /** A command line shortened for messages. */
    public static String abbreviate(String commandLine, int max) {
        return commandLine.length() <= max ? commandLine : commandLine.substring(0, max - 3) + "...";
    }
}
