package io.ticklake.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.process.Ports;
import io.ticklake.infra.process.ProcessRecord;

import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that cannot start stops {@code up} with a clear error, and nothing is left running. */
class PlatformFailureIT {

    @TempDir
    Path home;

    private Map<String, String> env;

    @BeforeEach
    void environment() {
        env = TestPorts.environment(home);
    }

    @AfterEach
    void nothingIsLeftRunning() {
        CliRun.inProcess(env, "down");
        assertThat(ProcessesUsing.directory(home)).isEmpty();
    }

    @Test
    void aTakenPortStopsUpBeforeAnythingStarts() throws Exception {
        int registryPort = TestPorts.port(env, "TICKLAKE_REGISTRY_PORT");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName(PlatformConfig.HOST), registryPort));

            CliRun up = CliRun.inProcess(env, "up");

            assertThat(up.exitCode()).as(up.toString()).isEqualTo(PlatformCli.FAILED);
            assertThat(up.err()).contains("registry failed to start", "port " + registryPort,
                    "pid " + ProcessHandle.current().pid(), "--registry-port", "TICKLAKE_REGISTRY_PORT");
            assertThat(ProcessesUsing.directory(home)).isEmpty();
            assertThat(Ports.isFree(PlatformConfig.HOST, TestPorts.port(env, "TICKLAKE_KAFKA_PORT"))).isTrue();
        }
    }

    @Test
    void aCorruptBrokerDataDirectoryFailsWithTheBrokersLog() throws Exception {
        Path dataDir = home.resolve("kafka").resolve("data");
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("meta.properties"), "this is not what the storage tool writes\n");

        CliRun up = CliRun.inProcess(env, "up");

        assertThat(up.exitCode()).as(up.toString()).isEqualTo(PlatformCli.FAILED);
        assertThat(up.err()).contains("kafka failed to start", "last lines of " + home.resolve("logs").resolve("kafka.log"),
                "ERROR", dataDir.toString());
        assertThat(ProcessesUsing.directory(home)).isEmpty();
    }

    @Test
    void aLaterServiceFailingTakesDownWhatThisUpStarted() throws Exception {
        Path registryData = home.resolve("registry").resolve("data");
        Files.createDirectories(registryData);
        byte[] garbage = new byte[16_384];
        new Random(42).nextBytes(garbage);
        Files.write(registryData.resolve("registry.mv.db"), garbage);

        CliRun up = CliRun.inProcess(env, "up");

        assertThat(up.exitCode()).as(up.toString()).isEqualTo(PlatformCli.FAILED);
        assertThat(up.err()).contains("registry failed to start", "registry.log", "corrupt");
        assertThat(up.out()).containsPattern("kafka\\s+healthy after").containsPattern("kafka\\s+stopped again");
        assertThat(ProcessesUsing.directory(home)).isEmpty();
        assertThat(Ports.isFree(PlatformConfig.HOST, TestPorts.port(env, "TICKLAKE_KAFKA_PORT"))).isTrue();
    }

    @Test
    void aPidFileNamingSomeoneElsesProcessIsNeverActedOn() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "300").redirectInput(new File("/dev/null")).start();
        try {
            long startedAt = stranger.toHandle().info().startInstant().orElseThrow().toEpochMilli();
            new ProcessRecord(stranger.pid(), startedAt, home.resolve("kafka").toString(), Map.of("broker", 9))
                    .write(home.resolve("run"), "kafka");

            CliRun status = CliRun.inProcess(env, "status");
            CliRun down = CliRun.inProcess(env, "down");

            assertThat(status.out()).containsPattern("kafka\\s+stopped");
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(stranger.isAlive()).isTrue();
            assertThat(home.resolve("run").resolve("kafka.pid")).doesNotExist();
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void downAndStatusOnAStoppedPlatformAreHarmless() {
        CliRun down = CliRun.inProcess(env, "down");
        CliRun status = CliRun.inProcess(env, "status");

        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.out()).containsPattern("kafka\\s+was not running");
        assertThat(status.exitCode()).isEqualTo(PlatformCli.NOT_ALL_RUNNING);
    }
}
