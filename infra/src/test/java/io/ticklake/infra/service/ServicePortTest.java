package io.ticklake.infra.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServicePortTest {

    @Test
    void namesTheFlagThatChangesIt() {
        assertThat(new ServicePort("broker", 9092, "TICKLAKE_KAFKA_PORT").flag()).isEqualTo("--kafka-port");
        assertThat(new ServicePort("console", 9001, "TICKLAKE_MINIO_CONSOLE_PORT").flag()).isEqualTo("--minio-console-port");
    }
}
