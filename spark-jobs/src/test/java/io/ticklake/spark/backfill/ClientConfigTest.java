package io.ticklake.spark.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.options.JobOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigTest {

    @TempDir
    Path dir;

    @Test
    void theFilesKafkaKeysGoToTheClientsAndAllItsKeysToTheRegistry() throws IOException {
        Path file = Files.writeString(dir.resolve("client.properties"), """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p";
                ssl.truststore.location=/etc/ticklake/ca.p12
                basic.auth.credentials.source=USER_INFO
                basic.auth.user.info=reg:secret
                schema.registry.ssl.truststore.location=/etc/ticklake/ca.p12
                """);

        ClientConfig config = ClientConfig.of(parse(Map.of("client-config", file.toString(),
                "schema-registry-url", "https://registry:8081", "kafka.security.protocol", "SSL")));

        assertThat(config.kafkaOptions()).containsEntry("kafka.security.protocol", "SSL") // the option wins
                .containsEntry("kafka.sasl.mechanism", "SCRAM-SHA-512").containsKey("kafka.sasl.jaas.config")
                .containsEntry("kafka.ssl.truststore.location", "/etc/ticklake/ca.p12")
                .doesNotContainKeys("kafka.basic.auth.user.info", "kafka.schema.registry.ssl.truststore.location");
        assertThat(config.registry()).containsEntry("schema.registry.url", "https://registry:8081")
                .containsEntry("basic.auth.user.info", "reg:secret").containsEntry("specific.avro.reader", "true");
        assertThat(config.producerConfig("kafka-1:9093")).containsEntry("bootstrap.servers", "kafka-1:9093")
                .containsEntry("security.protocol", "SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }

    @Test
    void registryCredentialsOverPlainHttpAreRefusedNamingTheOption() throws IOException {
        Path file = Files.writeString(dir.resolve("client.properties"),
                "basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=reg:secret\n");

        assertThatThrownBy(() -> ClientConfig.of(parse(Map.of("client-config", file.toString(),
                "schema-registry-url", "http://registry:8081"))))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("'client-config'")
                .hasMessageContaining("http://").hasMessageNotContaining("reg:secret");
    }

    @Test
    void anUnreadableFileNamesTheOption() {
        assertThatThrownBy(() -> parse(Map.of("client-config", dir.resolve("missing.properties").toString(),
                "schema-registry-url", "http://registry:8081")))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("'client-config'")
                .hasMessageContaining("missing.properties");
    }

    private JobOptions parse(Map<String, String> given) {
        Map<String, String> options = new HashMap<>(Map.of("lake", "file:///lake", "bootstrap-servers", "kafka-1:9093",
                "checkpoint", "file:///chk"));
        options.putAll(given);
        return JobOptions.parse("backfill", BackfillOptions.ALL, List.of(BackfillOptions.KAFKA_PREFIX), options);
    }
}
