package io.ticklake.schemas.registry;

/**
 * A failed registry call. {@link #httpStatus()} is 0 when the registry could not be reached;
 * {@link #errorCode()} is the Confluent error code (e.g. 40401 subject not found, 40403 schema not
 * found, 409 incompatible) when the registry sent one.
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean isNotFound() {
        return httpStatus == 404;
    }

    public boolean isIncompatible() {
        return httpStatus == 409;
    }

    public boolean isUnreachable() {
        return httpStatus == 0;
    }
}
