package io.ticklake.infra.launch;

/** A step of {@code ./ticklake run} failed; the message says which and where to look. */
public final class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
