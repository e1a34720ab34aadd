package io.ticklake.streams.query;

import java.time.Duration;

/**
 * The answer cannot be given right now (rebalance, state restoring, owner unreachable, not started)
 * and a retry after {@link #retryAfter()} may succeed. A REST layer answers it with
 * {@code 503 Service Unavailable} and a {@code Retry-After} header; it is never replaced by a
 * partial answer.
 */
public final class KpiUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public KpiUnavailableException(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    public KpiUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
