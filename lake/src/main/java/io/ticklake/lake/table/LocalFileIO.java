package io.ticklake.lake.table;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;

/**
 * Iceberg file access for a lake on the local file system without Hadoop: Iceberg core's only local
 * {@link FileIO} is Hadoop's, which would pull Hadoop into every Spark-free reader (analytics, the
 * dashboard). Accepts {@code file:/p}, {@code file:///p} and plain paths, as Hadoop writes them.
 */
public final class LocalFileIO implements FileIO {

    private static final long serialVersionUID = 1L;

    @Override
    public InputFile newInputFile(String path) {
        return org.apache.iceberg.Files.localInput(file(path));
    }

    @Override
    public OutputFile newOutputFile(String path) {
        File file = file(path);
        try {
            Files.createDirectories(file.toPath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + path, e);
        }
        return org.apache.iceberg.Files.localOutput(file);
    }

    @Override
    public void deleteFile(String path) {
        try {
            Files.deleteIfExists(file(path).toPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    static File file(String path) {
        if (path.startsWith("file:")) {
            // Hadoop writes file:/p, Java file:///p; both are absolute paths once the scheme is gone
            return Path.of(URI.create("file://" + path.substring("file:".length()).replaceFirst("^/+", "/")))
                    .toFile();
        }
        if (path.contains("://")) {
            throw new IllegalArgumentException("not a local path: " + path);
        }
        return new File(path);
    }
}
