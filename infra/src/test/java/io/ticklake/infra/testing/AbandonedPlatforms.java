package io.ticklake.infra.testing;

import io.ticklake.infra.Platform;
import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.PlatformListener;
import io.ticklake.infra.security.SecurityMode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the services of test platforms whose JVM died without closing them (a killed Maven run),
 * so they do not pile up. Each platform directory names its owner JVM (pid and start time); one
 * whose owner is gone is stopped through its pid files and deleted.
 */
final class AbandonedPlatforms {

    static final String DIRECTORY_PREFIX = "ticklake-platform-";
    private static final String OWNER_FILE = "owner.jvm";
    private static final Logger LOG = LoggerFactory.getLogger(AbandonedPlatforms.class);

    private AbandonedPlatforms() {
    }

    /** Records this JVM as the owner of {@code workDir}. */
    static void claim(Path workDir) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        long startedAt = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Files.writeString(workDir.resolve(OWNER_FILE), self.pid() + " " + startedAt + "\n");
    }

    /** Gives up ownership, so a directory kept for inspection is never reaped. */
    static void release(Path workDir) throws IOException {
        Files.deleteIfExists(workDir.resolve(OWNER_FILE));
    }

    /** Stops and deletes every platform directory in {@code parent} whose owner JVM is gone. */
    static void reap(Path parent) {
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(parent, DIRECTORY_PREFIX + "*")) {
            for (Path directory : directories) {
                if (ownerIsGone(directory)) {
                    LOG.info("stopping the services of an abandoned test platform in {}", directory);
                    new Platform(PlatformConfig.forTests(directory, System.getenv(), SecurityMode.PLAINTEXT,
                            kafkaNodes(directory))).down(PlatformListener.SILENT);
                    deleteRecursively(directory);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not clean up abandoned test platforms in {}: {}", parent, e.getMessage());
        }
    }

    /** How many Kafka nodes the platform ran: its {@code kafka} and {@code kafka-<n>} directories (at least 1). */
    private static int kafkaNodes(Path directory) throws IOException {
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(directory, "kafka*")) {
            int count = 0;
            for (Path node : nodes) {
                if (node.getFileName().toString().matches("kafka(-\\d+)?")) {
                    count++;
                }
            }
            return Math.max(1, Math.min(count, 9));
        }
    }

    private static boolean ownerIsGone(Path directory) throws IOException {
        Path ownerFile = directory.resolve(OWNER_FILE);
        if (!Files.isRegularFile(ownerFile)) {
            return false; // not ours to judge
        }
        String[] owner = Files.readString(ownerFile).trim().split(" ");
        long pid = Long.parseLong(owner[0]);
        long startedAt = Long.parseLong(owner[1]);
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        return process.isEmpty() || process.get().info().startInstant()
                .map(start -> Math.abs(start.toEpochMilli() - startedAt) > 2_000)
                .orElse(false);
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", directory, e.getMessage());
        }
    }
}
