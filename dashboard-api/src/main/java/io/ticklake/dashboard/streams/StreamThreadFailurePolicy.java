package io.ticklake.dashboard.streams;

import io.ticklake.schemas.registry.SchemaRegistryException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed stream thread does, as in streams-app's standalone runner: a registry that cannot be
 * reached replaces the thread (it resumes from the last commit, nothing is dead-lettered); anything
 * else shuts this client down, which liveness then reports.
 */
final class StreamThreadFailurePolicy implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailurePolicy.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException) {
                LOG.warn("Schema registry unavailable; replacing the stream thread to retry", error);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        }
        LOG.error("Stream thread failed; shutting Kafka Streams down", error);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
