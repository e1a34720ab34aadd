package io.ticklake.spark.cli;

/** A command line the launcher cannot understand. */
class UsageException extends IllegalArgumentException {

    UsageException(String message) {
        super(message);
    }
}
