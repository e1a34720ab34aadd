package io.ticklake.infra.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RunSettingsTest {

    @Test
    void eachBadValueIsRefusedNamingItsOption() {
        assertThatThrownBy(() -> settings(0, 60, 10, 8080)).hasMessageContaining("--rate");
        assertThatThrownBy(() -> settings(50, -1, 10, 8080)).hasMessageContaining("--speed");
        assertThatThrownBy(() -> settings(50, 60, 0, 8080)).hasMessageContaining("--every-minutes");
        assertThatThrownBy(() -> settings(50, 60, 10, 70_000)).hasMessageContaining("--port");
    }

    @Test
    void aSinkKeyHoldingASecretIsRefusedNamingTheKeyAndAnEmptyKeyIsRefused() {
        assertThatThrownBy(() -> withSinkConfig(Map.of("s3.secret.key", "x")))
                .hasMessageContaining("--sink-config s3.secret.key").hasMessageContaining("config provider");
        assertThatThrownBy(() -> withSinkConfig(Map.of("schema.registry.ssl.truststore.password", "x")))
                .hasMessageContaining("schema.registry.ssl.truststore.password");
        assertThatThrownBy(() -> withSinkConfig(Map.of(" ", "x"))).hasMessageContaining("KEY=VALUE");
        assertThat(withSinkConfig(Map.of("rotate.idle.ms", "5000")).sinkConfig()).containsEntry("rotate.idle.ms", "5000");
    }

    @Test
    void aMissingBuildIsNamedWithTheCommandThatMakesIt() {
        RunSettings settings = settings(50, 60, 10, 8080);

        assertThatThrownBy(() -> settings.artifact("dashboard-api/target/dashboard-api.jar"))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("dashboard-api.jar does not exist")
                .hasMessageContaining("./ticklake run --rebuild");
    }

    private static RunSettings withSinkConfig(Map<String, String> sinkConfig) {
        return new RunSettings(Path.of("/nonexistent-checkout"), true, "", 50, Optional.empty(), 60, Optional.empty(),
                false, Duration.ofMinutes(10), false, 8080, sinkConfig);
    }

    private static RunSettings settings(int rate, double speed, int everyMinutes, int port) {
        return new RunSettings(Path.of("/nonexistent-checkout"), true, "", rate, Optional.empty(), speed, Optional.empty(),
                false, Duration.ofMinutes(everyMinutes), false, port);
    }
}
