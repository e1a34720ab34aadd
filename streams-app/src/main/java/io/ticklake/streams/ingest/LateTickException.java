package io.ticklake.streams.ingest;

/**
 * Why a valid tick was too late for its window; named in the DLQ's error-class header. Never thrown:
 * it only describes a rejection, so it carries no stack trace.
 */
public final class LateTickException extends RuntimeException {

    public LateTickException(String message) {
        super(message, null, false, false);
    }
}
