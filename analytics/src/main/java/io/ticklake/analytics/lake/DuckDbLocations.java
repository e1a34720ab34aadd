package io.ticklake.analytics.lake;

import java.net.URI;
import java.nio.file.Path;

/** Turns a data-file location as Iceberg records it into the path DuckDB reads. */
public final class DuckDbLocations {

    private DuckDbLocations() {
    }

    /**
     * {@code s3://b/k} stays; {@code s3a://b/k} (written by Spark through Hadoop) becomes {@code s3://b/k};
     * {@code file:/p} and {@code file:///p} become the local path {@code /p}; a plain path stays.
     */
    public static String of(String location) {
        if (location.startsWith("s3a://")) {
            return "s3://" + location.substring("s3a://".length());
        }
        if (location.startsWith("file:")) {
            // Hadoop writes file:/p, Java file:///p; both are the absolute path once the scheme is gone
            return Path.of(URI.create("file://" + location.substring("file:".length()).replaceFirst("^/+", "/")))
                    .toString();
        }
        return location;
    }
}
