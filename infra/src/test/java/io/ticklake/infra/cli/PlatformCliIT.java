package io.ticklake.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.fixture.KafkaRoundTrip;
import io.ticklake.infra.kafka.KafkaTopics;
import io.ticklake.infra.kafka.TopicSpec;
import io.ticklake.infra.process.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command's whole life cycle, each step a CLI JVM of its own as {@code infra/platform} runs it:
 * up, up again, a crashed broker brought back with its data by up, status, down.
 */
class PlatformCliIT {

    private static final List<String> SERVICES = List.of("kafka", "registry", "minio", "connect");
    private static final List<String> PORT_VARIABLES = List.of("TICKLAKE_KAFKA_PORT", "TICKLAKE_CONTROLLER_PORT",
            "TICKLAKE_REGISTRY_PORT", "TICKLAKE_CONNECT_PORT", "TICKLAKE_MINIO_PORT", "TICKLAKE_MINIO_CONSOLE_PORT");

    @TempDir
    Path workDir;

    private Path home;
    private Map<String, String> env;

    @AfterEach
    void stopEverything() throws Exception {
        if (env != null) {
            CliRun.inProcess(env, "down");
        }
    }

    @Test
    void upStartsEverythingOnceAndDownLeavesNothingBehind() throws Exception {
        home = workDir.resolve("home");
        env = TestPorts.environment(home);

        CliRun up = cli("up");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).contains(
                "127.0.0.1:" + TestPorts.port(env, "TICKLAKE_KAFKA_PORT"),
                "http://127.0.0.1:" + TestPorts.port(env, "TICKLAKE_REGISTRY_PORT") + "/apis/ccompat/v7",
                "http://127.0.0.1:" + TestPorts.port(env, "TICKLAKE_MINIO_PORT"),
                "http://127.0.0.1:" + TestPorts.port(env, "TICKLAKE_CONNECT_PORT"));
        Map<String, Long> pids = pids();
        assertThat(pids).as("the services outlive the CLI's JVM").containsOnlyKeys(SERVICES);
        pids.values().forEach(pid -> assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue()));
        assertThat(Files.readString(home.resolve("endpoints.env"))).contains("KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:");
        // it holds the S3 secret: owner only
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("endpoints.env"))))
                .isEqualTo("rw-------");
        // so does the Connect worker's secrets file, which its config providers resolve references from
        Path secrets = home.resolve("connect").resolve("secrets.properties");
        assertThat(Files.readString(home.resolve("endpoints.env"))).contains("CONNECT_SECRETS=" + secrets);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(Files.readString(secrets)).contains("s3.secret.key=");
        assertThat(Files.readString(home.resolve("connect").resolve("worker.properties")))
                .contains("config.providers=file,env");

        CliRun again = cli("up");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out().split("already running", -1)).hasSize(SERVICES.size() + 1);
        assertThat(pids()).isEqualTo(pids);

        String bootstrap = "127.0.0.1:" + TestPorts.port(env, "TICKLAKE_KAFKA_PORT");
        KafkaTopics.ensure(bootstrap, Map.of(), List.of(new TopicSpec("cli-survivor", 2)));
        KafkaRoundTrip.produce(bootstrap, "cli-survivor", "IBM", "kept");
        crash(pids.get("kafka"));
        CliRun degraded = cli("status");
        assertThat(degraded.exitCode()).as(degraded.toString()).isEqualTo(PlatformCli.NOT_ALL_RUNNING);
        assertThat(degraded.out()).containsPattern("kafka\\s+stopped");

        CliRun recovered = cli("up");
        assertThat(recovered.exitCode()).as(recovered.toString()).isZero();
        assertThat(recovered.out()).containsPattern("kafka\\s+healthy after");
        assertThat(pids().get("kafka")).isNotEqualTo(pids.get("kafka"));
        assertThat(pids().get("connect")).isEqualTo(pids.get("connect"));
        assertThat(KafkaRoundTrip.consumeAll(bootstrap, "cli-survivor", 1)).containsExactly("IBM=kept");
        assertThat(KafkaTopics.ensure(bootstrap, Map.of(), TopicSpec.PLATFORM_TOPICS))
                .containsEntry("stock-ticks", 6).containsEntry("stock-ticks-dlq", 6).containsEntry("stock-kpis", 6);

        CliRun status = cli("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("connect\\s+healthy \\(pid \\d+, RSS \\d+ MiB\\)");

        Map<String, Long> beforeDown = pids();
        CliRun down = cli("down");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        beforeDown.values().forEach(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(ProcessesUsing.directory(home)).isEmpty();
        for (String variable : PORT_VARIABLES) {
            assertThat(Ports.isFree(PlatformConfig.HOST, TestPorts.port(env, variable))).as(variable).isTrue();
        }
        assertThat(pids()).isEmpty();
        assertThat(home.resolve("endpoints.env")).doesNotExist();
        assertThat(cli("status").exitCode()).isEqualTo(PlatformCli.NOT_ALL_RUNNING);
    }

    private CliRun cli(String command) throws IOException, InterruptedException {
        return CliRun.separateJvm(workDir.resolve("cli-output"), env, command);
    }

    /** The pid files the CLI wrote, by service. */
    private Map<String, Long> pids() throws IOException {
        Map<String, Long> pids = new TreeMap<>();
        Path runDir = home.resolve("run");
        for (String service : SERVICES) {
            Path pidFile = runDir.resolve(service + ".pid");
            if (Files.exists(pidFile)) {
                pids.put(service, Long.parseLong(Files.readString(pidFile).trim()));
            }
        }
        return pids;
    }

    private static void crash(long pid) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }
}
