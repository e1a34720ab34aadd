package io.ticklake.dashboard.push;

/** A client message that is not a valid subscription: answered with an error frame naming the field. */
public final class BadSubscriptionException extends RuntimeException {

    private final String field;

    public BadSubscriptionException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The JSON field at fault ({@code action}, {@code symbols}, {@code windows}), or null for the message itself. */
    public String field() {
        return field;
    }
}
