package io.ticklake.lake.table;

/** The Iceberg catalog could not be reached or used; the message names its URI. */
public final class LakeCatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LakeCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
