package io.ticklake.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.simulator.testing.TopicReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged CLI ({@code target/simulator.jar}) as a user runs it: it prints progress, and on Ctrl-C
 * (SIGINT; SIGTERM where the build runs with SIGINT ignored) it stops, flushes and prints a summary whose
 * acknowledged count is exactly what the topic holds.
 */
@ExtendWith(LocalPlatformExtension.class)
class ShutdownIT {

    private static final Path JAR = Path.of("target", "simulator.jar");
    private static final Pattern ACKED = Pattern.compile("sent=(\\d+) acked=(\\d+) failed=(\\d+)");

    /**
     * Whether this JVM, and so the simulator it starts, inherited SIGINT as ignored: a job started in the
     * background by a non-interactive shell (as some CI runners start builds) ignores it, and a JVM that
     * starts so never handles it. SIGTERM then stands in: the JVM runs the same shutdown hook for both.
     */
    private static boolean interruptIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:")).findFirst()
                .map(line -> (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 0x2L) != 0)
                .orElse(false);
    }

    @Test
    void ctrlCFlushesAndSummarizes(TestPlatform platform) throws Exception {
        assertThat(JAR).as("the shaded CLI jar (built in the package phase)").exists();
        String topic = "shutdown-it-" + UUID.randomUUID();
        platform.createTopic(topic, 6);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString(), "simulate", "--rate", "2000", "--seed", "5",
                "--bootstrap-servers", platform.kafkaBootstrapServers(),
                "--schema-registry-url", platform.schemaRegistryUrl(), "--topic", topic,
                "--progress-interval", "500ms").start();
        List<String> out = collect(process.getInputStream());
        List<String> err = collect(process.getErrorStream());
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> err.stream().anyMatch(line ->
                    line.startsWith("progress:") && !line.contains(" acked=0 ")));
            String signal = interruptIgnored() ? "-TERM" : "-INT";
            new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits after kill %s", signal).isTrue();
        } finally {
            process.destroyForcibly();
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> out.stream().anyMatch(l -> l.startsWith("Summary:")));
        String summary = out.stream().filter(line -> line.startsWith("Summary:")).findFirst().orElseThrow();
        assertThat(summary).contains("ended-by=stopped");
        Matcher matcher = ACKED.matcher(summary);
        assertThat(matcher.find()).as(summary).isTrue();
        long sent = Long.parseLong(matcher.group(1));
        long acked = Long.parseLong(matcher.group(2));
        assertThat(acked).isPositive().isEqualTo(sent);
        assertThat(Long.parseLong(matcher.group(3))).isZero();
        assertThat(TopicReader.readAll(platform.kafkaBootstrapServers(), platform.schemaRegistryUrl(), topic, acked))
                .hasSize((int) acked);
        assertThat(Files.exists(JAR)).isTrue();
    }

    /** Reads a process stream line by line on a daemon thread. */
    private static List<String> collect(InputStream stream) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
