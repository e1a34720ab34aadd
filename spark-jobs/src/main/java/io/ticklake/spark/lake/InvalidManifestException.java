package io.ticklake.spark.lake;

/** A {@code _manifest.json} that cannot be read as a manifest of this format; the message names the file. */
public class InvalidManifestException extends RuntimeException {

    public InvalidManifestException(String message) {
        super(message);
    }

    public InvalidManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
