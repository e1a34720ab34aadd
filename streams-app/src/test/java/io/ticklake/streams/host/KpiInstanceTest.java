package io.ticklake.streams.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.schemas.registry.InMemorySchemaRegistryClient;
import io.ticklake.streams.StreamsAppConfig;
import io.ticklake.streams.query.KpiUnavailableException;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An instance before it starts (what a host serves while it binds its port) and its restore tracking. */
class KpiInstanceTest {

    private final String scope = "instance-test-" + System.nanoTime();

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistryClient.dropScope(scope);
    }

    @Test
    void beforeStartItIsAliveNotReadyAndEveryQueryIsUnavailable() {
        try (KpiInstance instance = new KpiInstance(new StreamsAppConfig(Map.of(
                StreamsAppConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9",
                StreamsAppConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                StreamsAppConfig.IQ_RETRY_AFTER_MS, "2500",
                StreamsAppConfig.ROLLUP_WINDOWS, "5m")))) {
            assertThat(instance.isAlive()).isTrue();
            assertThat(instance.isReady()).isFalse();
            assertThat(instance.stateName()).isEqualTo(KpiInstance.NOT_STARTED);
            assertThat(instance.metrics()).isEmpty();
            assertThat(instance.windows()).containsExactly("1m", "5m");
            assertThatThrownBy(instance::queries).isInstanceOf(KpiUnavailableException.class)
                    .hasMessageContaining("starting");
            assertThatThrownBy(instance::streams).isInstanceOf(IllegalStateException.class);

            ForwardingResponse response = instance.forwarding().handle("/kpis/latest",
                    Map.of("symbol", "AAPL", "window", "1m"));
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.retryAfterSeconds()).isEqualTo(OptionalLong.of(3));
            assertThat(response.body()).contains("\"retry_after_ms\":2500");
        }
    }

    @Test
    void aRestoringPartitionCountsUntilItEndsOrMovesAway() {
        RestoreTracker restores = new RestoreTracker();
        TopicPartition first = new TopicPartition("kpis-changelog", 0);
        TopicPartition second = new TopicPartition("kpis-changelog", 1);

        restores.onRestoreStart(first, "store", 0, 10);
        restores.onRestoreStart(second, "store", 0, 10);
        restores.onBatchRestored(first, "store", 5, 5);
        assertThat(restores.restoring()).isEqualTo(2);
        restores.onRestoreEnd(first, "store", 10);
        restores.onRestoreSuspended(second, "store", 3);
        assertThat(restores.restoring()).isZero();
    }
}
