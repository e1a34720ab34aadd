package io.ticklake.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.infra.security.SecurityMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformConfigTest {

    @Test
    void usesTheDocumentedDefaults() {
        PlatformConfig config = PlatformConfig.builder().applyEnvironment(Map.of()).home(Path.of("/tmp/tl")).build();

        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.controllerPort()).isEqualTo(9093);
        assertThat(config.registryPort()).isEqualTo(8081);
        assertThat(config.connectPort()).isEqualTo(8083);
        assertThat(config.minioPort()).isEqualTo(9000);
        assertThat(config.minioConsolePort()).isEqualTo(9001);
        assertThat(config.bucket()).isEqualTo("ticklake");
        assertThat(config.kafkaHeap()).isEqualTo("512m");
        assertThat(config.kafkaBrokers()).isEqualTo(1);
        assertThat(config.replicationFactor()).isEqualTo(1);
        assertThat(config.minInsyncReplicas()).isEqualTo(1);
        assertThat(config.registryHeap()).isEqualTo("256m");
        assertThat(config.connectHeap()).isEqualTo("512m");
        assertThat(config.cacheDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "ticklake"));
        assertThat(config.logDir()).isEqualTo(Path.of("/tmp/tl/logs"));
        assertThat(config.runDir()).isEqualTo(Path.of("/tmp/tl/run"));
    }

    @Test
    void defaultsTheHomeToTheCheckoutAndThePluginPathToTheSinkModule() {
        PlatformConfig config = PlatformConfig.builder().applyEnvironment(Map.of()).build();
        Path repo = RepoLocator.find(Path.of("").toAbsolutePath()).orElseThrow();

        assertThat(config.home()).isEqualTo(repo.resolve(".ticklake"));
        assertThat(config.connectPluginPath()).containsExactly(repo.resolve("connect-sink/target/plugin"));
    }

    @Test
    void aClusterOfThreeOrMoreReplicatesThreeTimesWithTwoInSync() {
        PlatformConfig three = PlatformConfig.builder().applyEnvironment(Map.of("TICKLAKE_KAFKA_BROKERS", "3"))
                .home(Path.of("/tmp/tl")).build();
        PlatformConfig two = PlatformConfig.builder().applyEnvironment(Map.of()).kafkaBrokers(2)
                .home(Path.of("/tmp/tl")).build();
        PlatformConfig five = PlatformConfig.builder().applyEnvironment(Map.of()).kafkaBrokers(5)
                .home(Path.of("/tmp/tl")).build();

        assertThat(three.kafkaBrokers()).isEqualTo(3);
        assertThat(List.of(three.replicationFactor(), three.minInsyncReplicas())).containsExactly(3, 2);
        assertThat(List.of(two.replicationFactor(), two.minInsyncReplicas())).containsExactly(2, 1);
        assertThat(List.of(five.replicationFactor(), five.minInsyncReplicas())).containsExactly(3, 2);
    }

    @Test
    void refusesABrokerCountThatIsNotANumberOrOutOfRange() {
        assertThatThrownBy(() -> PlatformConfig.builder().applyEnvironment(Map.of("TICKLAKE_KAFKA_BROKERS", "three")))
                .hasMessageContaining("TICKLAKE_KAFKA_BROKERS");
        assertThatThrownBy(() -> PlatformConfig.builder().kafkaBrokers(0)).hasMessageContaining("between 1 and 9");
        assertThatThrownBy(() -> PlatformConfig.builder().kafkaBrokers(10)).hasMessageContaining("between 1 and 9");
    }

    @Test
    void readsTheEnvironmentAndLetsSettersOverrideIt() {
        PlatformConfig config = PlatformConfig.builder()
                .applyEnvironment(Map.of(
                        "TICKLAKE_HOME", "/tmp/from-env",
                        "TICKLAKE_CACHE", "/tmp/cache",
                        "TICKLAKE_KAFKA_PORT", "19092",
                        "TICKLAKE_REGISTRY_PORT", "18081",
                        "TICKLAKE_S3_BUCKET", "my-lake",
                        "TICKLAKE_CONNECT_PLUGIN_PATH", "/a:/b",
                        "TICKLAKE_START_TIMEOUT", "30",
                        "TICKLAKE_KAFKA_HEAP", "1g"))
                .registryPort(28081)
                .build();

        assertThat(config.home()).isEqualTo(Path.of("/tmp/from-env"));
        assertThat(config.cacheDir()).isEqualTo(Path.of("/tmp/cache"));
        assertThat(config.kafkaPort()).isEqualTo(19092);
        assertThat(config.registryPort()).isEqualTo(28081);
        assertThat(config.bucket()).isEqualTo("my-lake");
        assertThat(config.connectPluginPath()).containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(config.startTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.kafkaHeap()).isEqualTo("1g");
    }

    @Test
    void securityIsPlaintextUnlessSaslSslIsAskedFor() {
        assertThat(PlatformConfig.builder().applyEnvironment(Map.of()).home(Path.of("/tmp/tl")).build().security())
                .isEqualTo(SecurityMode.PLAINTEXT);
        assertThat(PlatformConfig.builder().applyEnvironment(Map.of("TICKLAKE_SECURITY", "SASL_SSL"))
                .home(Path.of("/tmp/tl")).build().security()).isEqualTo(SecurityMode.SASL_SSL);
        assertThatThrownBy(() -> PlatformConfig.builder().applyEnvironment(Map.of("TICKLAKE_SECURITY", "tls")))
                .hasMessage("TICKLAKE_SECURITY='tls' is not one of plaintext, sasl_ssl");
        // tests choose their mode explicitly: the variable does not turn the shared test platform secured
        assertThat(PlatformConfig.forTests(Path.of("/tmp/t"), Map.of("TICKLAKE_SECURITY", "sasl_ssl")).security())
                .isEqualTo(SecurityMode.PLAINTEXT);
    }

    @Test
    void aDataDirectoryKeepsTheModeItWasFirstStartedWith(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve(PlatformConfig.SECURITY_MODE_FILE), "sasl_ssl\n");

        assertThat(PlatformConfig.builder().applyEnvironment(Map.of()).home(home).build().security())
                .isEqualTo(SecurityMode.SASL_SSL);
        // an explicit choice is kept (and refused by Platform when it differs from the directory's)
        assertThat(PlatformConfig.builder().applyEnvironment(Map.of("TICKLAKE_SECURITY", "plaintext")).home(home)
                .build().security()).isEqualTo(SecurityMode.PLAINTEXT);
    }

    @Test
    void testsGetEphemeralPortsWhateverTheEnvironmentSays() {
        PlatformConfig config = PlatformConfig.forTests(Path.of("/tmp/t"), Map.of("TICKLAKE_KAFKA_PORT", "9092"));

        assertThat(config.kafkaPort()).isZero();
        assertThat(config.registryPort()).isZero();
        assertThat(config.minioConsolePort()).isZero();
        assertThat(config.home()).isEqualTo(Path.of("/tmp/t"));
    }

    @Test
    void explainsBadValues() {
        assertThatThrownBy(() -> PlatformConfig.builder().applyEnvironment(Map.of("TICKLAKE_KAFKA_PORT", "ninety")))
                .hasMessageContaining("TICKLAKE_KAFKA_PORT='ninety' is not a port number");
        assertThatThrownBy(() -> PlatformConfig.builder().minioPort(70_000)).hasMessageContaining("MinIO port must be between 0 and 65535");
        assertThatThrownBy(() -> PlatformConfig.builder().kafkaHeap("lots")).hasMessageContaining("512m");
        assertThatThrownBy(() -> PlatformConfig.builder().bucket("Bad_Bucket")).hasMessageContaining("not a valid S3 bucket name");
        assertThatThrownBy(() -> PlatformConfig.builder().secretKey("short")).hasMessageContaining("at least 8 characters");
    }
}
