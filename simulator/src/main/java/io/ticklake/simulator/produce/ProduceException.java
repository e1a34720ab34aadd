package io.ticklake.simulator.produce;

/** The run cannot go on producing (a start-up check failed, or the registry refused the schema). */
public class ProduceException extends RuntimeException {

    public ProduceException(String message) {
        super(message);
    }

    public ProduceException(String message, Throwable cause) {
        super(message, cause);
    }
}
