package io.ticklake.connect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.lake.S3Settings;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class TickLakeSinkConfigTest {

    private static TickLakeSinkConfig config(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>();
        props.put("lake.uri", "s3a://ticklake/lake");
        props.put("schema.registry.url", "http://127.0.0.1:8081");
        props.putAll(overrides);
        return new TickLakeSinkConfig(props);
    }

    @Test
    void theSinksS3KeysBecomeTheSharedS3Settings() {
        S3Settings s3 = config(Map.of("s3.endpoint", "http://127.0.0.1:9000", "s3.region", "eu-west-1",
                "s3.path.style.access", "true", "s3.access.key", "minio", "s3.secret.key", "minio123")).s3Settings();

        assertThat(s3).isEqualTo(new S3Settings("http://127.0.0.1:9000", "minio", "minio123", "eu-west-1", true));
    }

    @Test
    void emptyValuesMeanAwsAndItsDefaultCredentialChain() {
        S3Settings s3 = config(Map.of()).s3Settings();

        assertThat(s3.endpointOption()).isEmpty();
        assertThat(s3.accessKey()).isNull();
        assertThat(s3.secretKey()).isNull();
        assertThat(s3.region()).isEqualTo("us-east-1");
        assertThat(s3.pathStyle()).isFalse();
    }

    @Test
    void halfACredentialNamesTheMissingKeyWithoutPrintingTheOther() {
        assertThatThrownBy(() -> config(Map.of("s3.access.key", "minio")).s3Settings())
                .isInstanceOf(ConfigException.class).hasMessageContaining("s3.secret.key")
                .hasMessageNotContaining("minio");
        assertThatThrownBy(() -> config(Map.of("s3.secret.key", "minio123")).s3Settings())
                .isInstanceOf(ConfigException.class).hasMessageContaining("s3.access.key")
                .hasMessageNotContaining("minio123");
    }

    @Test
    void theLakeUriIsTheLakeModulesParse() {
        assertThat(config(Map.of()).lakeUri().key("raw/stock_ticks")).isEqualTo("lake/raw/stock_ticks");
        assertThat(config(Map.of()).lakeTable()).isEqualTo("stock_ticks");
    }

    @Test
    void theRecordTypePicksTheContractAndItsRawTableUnlessLakeTableIsSet() {
        assertThat(config(Map.of()).recordType()).isEqualTo(RecordType.TICK);
        assertThat(config(Map.of("record.type", "alert")).lakeTable()).isEqualTo("stock_alerts");
        assertThat(config(Map.of("record.type", "ALERT", "lake.table", "alerts_copy")).lakeTable()).isEqualTo("alerts_copy");
        assertThatThrownBy(() -> config(Map.of("record.type", "kpi")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("record.type").hasMessageContaining("[tick, alert, dead_letter]");
        assertThatThrownBy(() -> config(Map.of("lake.table", "Stock Ticks")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lake.table");
    }
}
