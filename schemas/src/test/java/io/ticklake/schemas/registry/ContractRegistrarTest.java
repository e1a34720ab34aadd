package io.ticklake.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertRule;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.kafka.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

class ContractRegistrarTest {

    private final InMemorySchemaRegistryClient registry = InMemorySchemaRegistryClient.forScope("registrar");

    @AfterEach
    void forget() {
        InMemorySchemaRegistryClient.dropScope("registrar");
    }

    @Test
    void registersEveryContractUnderItsValueSubjectWithBackwardCompatibility() {
        Map<String, Integer> ids = new ContractRegistrar(registry).registerAll();

        assertThat(ids).containsOnlyKeys("stock-ticks-value", "stock-kpis-value", "alert-rules-value",
                "stock-alerts-value");
        assertThat(registry.getById(ids.get("stock-ticks-value"))).isEqualTo(StockTick.getClassSchema());
        assertThat(registry.getById(ids.get("stock-kpis-value"))).isEqualTo(WindowKpi.getClassSchema());
        assertThat(registry.getById(ids.get("alert-rules-value"))).isEqualTo(AlertRule.getClassSchema());
        assertThat(registry.getById(ids.get("stock-alerts-value"))).isEqualTo(Alert.getClassSchema());
        assertThat(ids.keySet()).allSatisfy(subject ->
                assertThat(registry.getCompatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD));
    }

    @Test
    void registeringTwiceKeepsTheSameIds() {
        Map<String, Integer> first = new ContractRegistrar(registry).registerAll();

        assertThat(new ContractRegistrar(registry).registerAll()).isEqualTo(first);
    }

    @Test
    void theClientConfigFilesRegistrySettingsApplyAndTheirSecretsAreNotEchoed(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("client.properties"),
                "basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=registrar:s3cr3t\n");

        // credentials over plain http are refused before anything is sent: the file's settings are in force
        assertThatThrownBy(() -> ContractRegistrar.client("http://127.0.0.1:1", Optional.of(config)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> ContractRegistrar.client("http://127.0.0.1:1", Optional.of(dir.resolve("missing"))))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("missing");
    }
}
