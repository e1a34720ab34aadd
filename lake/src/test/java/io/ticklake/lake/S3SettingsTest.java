package io.ticklake.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

    private static final S3Settings MINIO = new S3Settings("http://127.0.0.1:9000", null, null, "eu-west-1", true);

    @Test
    void takesBothKeysFromTheEnvironment() {
        S3Settings settings = MINIO.withCredentialsFrom(Map.of("TICKLAKE_S3_ACCESS_KEY", "ak",
                "TICKLAKE_S3_SECRET_KEY", "sk-value"));

        assertThat(settings.accessKey()).isEqualTo("ak");
        assertThat(settings.secretKey()).isEqualTo("sk-value");
        assertThat(settings.endpoint()).isEqualTo(MINIO.endpoint());
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.toString()).doesNotContain("sk-value");
        assertThat(settings.icebergProperties()).containsEntry("s3.secret-access-key", "sk-value");
    }

    @Test
    void withNeitherKeyTheDefaultChainApplies() {
        S3Settings settings = MINIO.withCredentialsFrom(Map.of("TICKLAKE_S3_ACCESS_KEY", " "));

        assertThat(settings.accessKey()).isNull();
        assertThat(settings.secretKey()).isNull();
        assertThat(settings.icebergProperties()).doesNotContainKeys("s3.access-key-id", "s3.secret-access-key");
    }

    @Test
    void oneKeyAloneIsRefusedNamingBothVariables() {
        assertThatThrownBy(() -> MINIO.withCredentialsFrom(Map.of("TICKLAKE_S3_ACCESS_KEY", "ak")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TICKLAKE_S3_ACCESS_KEY").hasMessageContaining("TICKLAKE_S3_SECRET_KEY");
        assertThatThrownBy(() -> MINIO.withCredentialsFrom(Map.of("TICKLAKE_S3_SECRET_KEY", "sk-value")))
                .hasMessageContaining("only TICKLAKE_S3_SECRET_KEY is set").hasMessageNotContaining("sk-value");
    }
}
