package io.ticklake.simulator.alphavantage;

/**
 * A failed call to Alpha Vantage. Its message is redacted and it carries no cause, because the
 * causes of HTTP failures may print the request URI, which holds the key.
 */
public class AlphaVantageException extends Exception {

    public AlphaVantageException(String redactedMessage) {
        super(redactedMessage);
    }
}
