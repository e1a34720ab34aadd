package io.ticklake.connect.storage;

/**
 * A failed store operation. Retriable failures (the store is unreachable, slow or answers 5xx) are
 * waited out by the task; the others (no such bucket, access denied) stop it with this message.
 */
public class StoreException extends RuntimeException {

    private final boolean retriable;

    public StoreException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public boolean isRetriable() {
        return retriable;
    }
}
