package io.ticklake.streams.host;

import io.ticklake.schemas.registry.SchemaRegistryException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed stream thread does: a registry that cannot be reached replaces the thread (it resumes
 * from the last commit, nothing is dead-lettered, since the record is not at fault); anything else
 * shuts this client down, loudly, and liveness reports it.
 */
public final class StreamThreadFailurePolicy implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailurePolicy.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException) {
                LOG.warn("Schema registry unavailable; replacing the stream thread to retry", error);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        }
        LOG.error("Stream thread failed; shutting this instance down", error);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
