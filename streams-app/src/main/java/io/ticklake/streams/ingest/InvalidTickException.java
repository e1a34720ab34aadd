package io.ticklake.streams.ingest;

/**
 * Why a readable tick breaks the contract; named in the DLQ's error-class header. Never thrown: it
 * only describes a rejection, so it carries no stack trace.
 */
public final class InvalidTickException extends RuntimeException {

    public InvalidTickException(String message) {
        super(message, null, false, false);
    }
}
