package io.ticklake.dashboard.api;

/** A request parameter that cannot be answered: 400 with the parameter's name and what is accepted. */
public final class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The query or path parameter at fault, e.g. {@code window}. */
    public String parameter() {
        return parameter;
    }
}
