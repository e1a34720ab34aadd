package io.ticklake.streams.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaAdminTest {

    @Test
    void theAdminClientTakesTheSecuritySettingsAndTheAdminPrefixedOnesWin() {
        Properties streams = new Properties();
        streams.put("security.protocol", "SASL_SSL");
        streams.put("sasl.jaas.config", "app-credentials");
        streams.put("admin.sasl.jaas.config", "admin-credentials");
        streams.put("admin.ssl.truststore.location", "/admin/truststore.p12");
        streams.put("producer.sasl.jaas.config", "producer-credentials");
        streams.put("application.id", "kpis");
        streams.put("bootstrap.servers", "broker:9093");

        Map<String, Object> admin = KafkaAdmin.settings(streams, 5_000);

        assertThat(admin).containsOnly(Map.entry("bootstrap.servers", "broker:9093"),
                Map.entry("default.api.timeout.ms", 5_000), Map.entry("request.timeout.ms", 5_000),
                Map.entry("security.protocol", "SASL_SSL"), Map.entry("sasl.jaas.config", "admin-credentials"),
                Map.entry("ssl.truststore.location", "/admin/truststore.p12"));
    }
}
