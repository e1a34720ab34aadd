package io.ticklake.analytics;

/**
 * A run of the models could not complete: bad configuration, a lake that breaks its contract, a model
 * whose SQL fails. The message says what and where; nothing has been published for the model named.
 */
public class AnalyticsException extends RuntimeException {

    public AnalyticsException(String message) {
        super(message);
    }

    public AnalyticsException(String message, Throwable cause) {
        super(message, cause);
    }
}
