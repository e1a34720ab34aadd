package io.ticklake.analytics.lake;

import io.ticklake.analytics.duckdb.DuckDbSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.UUID;

/** Writes to a hidden temporary file in the target's directory, then renames it over the target. */
final class LocalPartitionWriter implements PartitionWriter {

    @Override
    public void write(DuckDbSession session, String query, String target) throws SQLException {
        Path targetPath = Path.of(target);
        Path directory = targetPath.getParent();
        // the dot prefix keeps the temporary file out of the part-*.parquet glob readers use
        Path temporary = directory.resolve("." + targetPath.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(directory);
            session.execute(PartitionWriter.copyStatement(query, temporary.toString()));
            Files.move(temporary, targetPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // best effort: a leftover hidden temporary file is invisible to readers
            }
        }
    }
}
