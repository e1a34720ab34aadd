package io.ticklake.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ObjectStoreFailureTest {

    @Test
    void aConnectionTheStoreClosedIsRetriable() {
        // what the URL-connection client threw when MinIO stopped during an upload (found by the soak)
        StoreException failure = S3ObjectStore.failure("cannot upload k",
                new UncheckedIOException(new SocketException("Unexpected end of file from server")));

        assertThat(failure.isRetriable()).isTrue();
        assertThat(failure).hasMessageContaining("cannot upload k").hasMessageContaining("Unexpected end of file");
    }

    @Test
    void serverErrorsAndUnreachableStoresAreRetriableButDenialsAreNot() {
        assertThat(S3ObjectStore.failure("x", (S3Exception) S3Exception.builder().statusCode(503).build())
                .isRetriable()).isTrue();
        assertThat(S3ObjectStore.failure("x", SdkClientException.create("connection refused")).isRetriable())
                .isTrue();
        assertThat(S3ObjectStore.failure("x", (S3Exception) S3Exception.builder().statusCode(403).build())
                .isRetriable()).isFalse();
    }
}
