package io.ticklake.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every client call against a real Apicurio Registry through its Confluent-compatible API. */
@ExtendWith(LocalPlatformExtension.class)
class RestSchemaRegistryClientIT {

    private SchemaRegistryClient client;
    private String subject;

    @BeforeEach
    void connect(TestPlatform platform) {
        client = new RestSchemaRegistryClient(RegistryClientSettings.of(platform.schemaRegistryUrl()));
        subject = "client-it-" + System.nanoTime() + "-value";
    }

    @Test
    void registerIsIdempotentAndTheIdFindsTheSchema() {
        int id = client.register(subject, StockTick.getClassSchema());

        assertThat(client.register(subject, StockTick.getClassSchema())).isEqualTo(id);
        assertThat(client.getId(subject, StockTick.getClassSchema())).isEqualTo(id);
        assertThat(client.getById(id)).isEqualTo(StockTick.getClassSchema());
        RegisteredSchema latest = client.getLatest(subject);
        assertThat(latest.id()).isEqualTo(id);
        assertThat(latest.version()).isEqualTo(1);
        assertThat(latest.schema()).isEqualTo(StockTick.getClassSchema());
    }

    @Test
    void lookupOfAnUnregisteredSchemaIsNotFound() {
        client.register(subject, StockTick.getClassSchema());

        assertThatThrownBy(() -> client.getId(subject, WindowKpi.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isNotFound()).isTrue());
        assertThatThrownBy(() -> client.getById(987_654))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isNotFound()).isTrue());
    }

    @Test
    void compatibleEvolutionIsAcceptedAndBecomesTheLatestVersion() throws IOException {
        client.setCompatibility(subject, CompatibilityLevel.BACKWARD);
        client.register(subject, StockTick.getClassSchema());
        Schema v2 = schema("/avro/StockTick-v2.avsc");

        assertThat(client.testCompatibility(subject, v2).compatible()).isTrue();
        int v2Id = client.register(subject, v2);

        assertThat(client.getLatest(subject).version()).isEqualTo(2);
        assertThat(client.getLatest(subject).id()).isEqualTo(v2Id);
    }

    @Test
    void incompatibleSchemaIsRefusedWithTheRegistrysReason() throws IOException {
        client.setCompatibility(subject, CompatibilityLevel.BACKWARD);
        client.register(subject, StockTick.getClassSchema());
        Schema incompatible = schema("/avro/StockTick-incompatible.avsc");

        assertThat(client.testCompatibility(subject, incompatible).compatible()).isFalse();
        assertThatThrownBy(() -> client.register(subject, incompatible))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("409")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isIncompatible()).isTrue());
    }

    @Test
    void subjectCompatibilityIsReadAndSet() {
        client.register(subject, StockTick.getClassSchema());
        assertThat(client.getGlobalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);

        client.setCompatibility(subject, CompatibilityLevel.FULL);

        assertThat(client.getCompatibility(subject)).isEqualTo(CompatibilityLevel.FULL);
    }

    static Schema schema(String path) throws IOException {
        try (InputStream in = RestSchemaRegistryClientIT.class.getResourceAsStream(path)) {
            return new Schema.Parser().parse(in);
        }
    }
}
