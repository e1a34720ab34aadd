package io.ticklake.simulator.alphavantage;

/** An answer that is not the JSON a {@code GLOBAL_QUOTE} call returns; the message says what is wrong. */
public class MalformedResponseException extends Exception {

    public MalformedResponseException(String message) {
        super(message);
    }
}
