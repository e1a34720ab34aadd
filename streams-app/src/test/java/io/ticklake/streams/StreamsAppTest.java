package io.ticklake.streams;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class StreamsAppTest {

    @Test
    void aNonLoopbackServerWithoutAClusterSecretIsRefusedBeforeAnythingStarts() {
        StreamsAppConfig config = new StreamsAppConfig(Map.of("bootstrap.servers", "127.0.0.1:1",
                "schema.registry.url", "http://127.0.0.1:1", "application.server", "0.0.0.0:0"));

        assertThatThrownBy(() -> StreamsApp.start(config, Optional.empty()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("application.server")
                .hasMessageContaining(StreamsApp.CLUSTER_SECRET_VARIABLE);
    }
}
