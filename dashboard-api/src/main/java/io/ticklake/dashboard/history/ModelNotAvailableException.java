package io.ticklake.dashboard.history;

/** No lake, or the model has no files yet: 404 with what is missing. */
public final class ModelNotAvailableException extends RuntimeException {

    public ModelNotAvailableException(String message) {
        super(message);
    }
}
