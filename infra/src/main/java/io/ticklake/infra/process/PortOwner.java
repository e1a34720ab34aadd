package io.ticklake.infra.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds which process listens on a TCP port, the way {@code ss -ltnp} does: the listening socket's
 * inode from {@code /proc/net/tcp[6]}, then the process holding a descriptor to that socket.
 */
public final class PortOwner {

    private static final String LISTEN_STATE = "0A";

    private PortOwner() {
    }

    /** A process holding a port: its pid and command line. */
    public record Holder(long pid, String commandLine) {
        @Override
        public String toString() {
            return "pid " + pid + " (" + CommandLines.abbreviate(commandLine, 160) + ")";
        }
    }

    /** The process listening on {@code port}, when it is visible to us. */
    public static Optional<Holder> of(int port) {
        Set<String> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (holdsAny(process, inodes)) {
                    long pid = Long.parseLong(process.getFileName().toString());
                    return Optional.of(new Holder(pid, CommandLines.of(pid).orElse("?")));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A human description of what holds {@code port}, for error messages. */
    public static String describe(int port) {
        return of(port).map(Holder::toString).orElse("a process we cannot see (check with: ss -ltnp 'sport = :" + port + "')");
    }

    private static Set<String> listeningInodes(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                    if (fields.length > 9 && fields[1].endsWith(":" + hexPort) && LISTEN_STATE.equals(fields[3])) {
                        inodes.add(fields[9]);
                    }
                }
            } catch (IOException e) {
                // no such table (no IPv6, or no /proc): nothing listens there as far as we can tell
            }
        }
        return inodes;
    }

    private static boolean holdsAny(Path process, Set<String> inodes) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                String target;
                try {
                    target = Files.readSymbolicLink(descriptor).toString();
                } catch (IOException e) {
                    continue;
                }
                if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            return false; // the process ended, or it is not ours to look at
        }
        return false;
    }
}
