package io.ticklake.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.StockTick;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client against a real registry that goes away and comes back. */
@ExtendWith(LocalPlatformExtension.class)
class RegistryOutageIT {

    @Test
    void unreachableRegistryFailsAfterBoundedRetriesNamingTheUrlThenRecovers(TestPlatform platform) throws Exception {
        URI real = URI.create(platform.schemaRegistryUrl());
        try (TogglingTcpProxy proxy = new TogglingTcpProxy(real.getPort())) {
            String url = "http://127.0.0.1:" + proxy.port() + real.getPath();
            RegistryClientSettings settings = RegistryClientSettings.of(url)
                    .withRetries(3, Duration.ofMillis(50), Duration.ofMillis(200));
            SchemaRegistryClient client = new CachedSchemaRegistryClient(new RestSchemaRegistryClient(settings));
            String subject = "outage-" + System.nanoTime() + "-value";

            assertThatThrownBy(() -> client.register(subject, StockTick.getClassSchema()))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("unreachable at " + url)
                    .hasMessageContaining("after 4 attempts")
                    .satisfies(e -> assertThat(((SchemaRegistryException) e).isUnreachable()).isTrue());

            proxy.up();
            int id = client.register(subject, StockTick.getClassSchema());

            assertThat(client.getById(id)).isEqualTo(StockTick.getClassSchema());
            assertThat(new RestSchemaRegistryClient(RegistryClientSettings.of(platform.schemaRegistryUrl()))
                    .getId(subject, StockTick.getClassSchema())).isEqualTo(id);
        }
    }

    @Test
    void secondUrlIsUsedWhenTheFirstIsDown(TestPlatform platform) throws Exception {
        URI real = URI.create(platform.schemaRegistryUrl());
        try (TogglingTcpProxy dead = new TogglingTcpProxy(real.getPort())) {
            RegistryClientSettings settings = new RegistryClientSettings(
                    List.of(URI.create("http://127.0.0.1:" + dead.port() + real.getPath()), real), null, 0,
                    Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(2), Duration.ofSeconds(10), null);

            int id = new RestSchemaRegistryClient(settings).register("failover-" + System.nanoTime() + "-value",
                    StockTick.getClassSchema());

            assertThat(id).isPositive();
        }
    }
}
