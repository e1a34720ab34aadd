package io.ticklake.streams.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailurePolicyTest {

    private final StreamThreadFailurePolicy policy = new StreamThreadFailurePolicy();

    @Test
    void anUnreachableRegistryReplacesTheThreadWhereverItIsInTheCauses() {
        SchemaRegistryException registry = new SchemaRegistryException("registry down", -1, -1, null);

        assertThat(policy.handle(registry)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(policy.handle(new StreamsException(new SerializationException("cannot look up the schema",
                registry)))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void anythingElseShutsTheClientDown() {
        assertThat(policy.handle(new StreamsException(new IllegalStateException("corrupt store"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(policy.handle(new OutOfMemoryError("heap")))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
