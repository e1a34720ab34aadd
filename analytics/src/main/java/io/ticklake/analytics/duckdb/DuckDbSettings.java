package io.ticklake.analytics.duckdb;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the embedded DuckDB is set up.
 *
 * @param threads            worker threads; empty for DuckDB's default (all cores)
 * @param memoryLimit        e.g. {@code 4GB}; empty for DuckDB's default (80% of RAM)
 * @param tempDirectory      where DuckDB spills when a query does not fit in memory
 * @param extensionDirectory where the httpfs extension is installed (see {@code bin/install-httpfs})
 */
public record DuckDbSettings(Optional<Integer> threads, Optional<String> memoryLimit, Path tempDirectory,
                             Path extensionDirectory) {

    public DuckDbSettings {
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        Objects.requireNonNull(tempDirectory, "tempDirectory");
        Objects.requireNonNull(extensionDirectory, "extensionDirectory");
        threads.ifPresent(t -> {
            if (t < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + t);
            }
        });
    }
}
