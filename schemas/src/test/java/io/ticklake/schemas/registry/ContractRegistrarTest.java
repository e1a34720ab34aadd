package io.ticklake.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContractRegistrarTest {

    private final InMemorySchemaRegistryClient registry = InMemorySchemaRegistryClient.forScope("registrar");

    @AfterEach
    void forget() {
        InMemorySchemaRegistryClient.dropScope("registrar");
    }

    @Test
    void registersEveryContractUnderItsValueSubjectWithBackwardCompatibility() {
        Map<String, Integer> ids = new ContractRegistrar(registry).registerAll();

        assertThat(ids).containsOnlyKeys("stock-ticks-value", "stock-kpis-value");
        assertThat(registry.getById(ids.get("stock-ticks-value"))).isEqualTo(StockTick.getClassSchema());
        assertThat(registry.getById(ids.get("stock-kpis-value"))).isEqualTo(WindowKpi.getClassSchema());
        assertThat(registry.getCompatibility("stock-ticks-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void registeringTwiceKeepsTheSameIds() {
        Map<String, Integer> first = new ContractRegistrar(registry).registerAll();

        assertThat(new ContractRegistrar(registry).registerAll()).isEqualTo(first);
    }
}
