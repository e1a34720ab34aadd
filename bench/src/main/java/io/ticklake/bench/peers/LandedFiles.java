package io.ticklake.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * The Parquet files a landing produced under a directory, with their row counts from the footers and the
 * hour directories they are in. Directories and files whose names start with {@code _} or {@code .} are
 * writers' bookkeeping or temporary files ({@code _spark_metadata}, {@code _staging}) and are skipped.
 * Footers are read once per file, so the directory can be rescanned cheaply while a landing runs.
 */
final class LandedFiles {

    /** What is there now. */
    record Summary(int files, long rows, int hourDirectories, long bytes) {
    }

    private final Path root;
    private final Map<Path, Long> rowsByFile = new HashMap<>();

    LandedFiles(Path root) {
        this.root = root;
    }

    Summary scan() {
        if (!Files.isDirectory(root)) {
            return new Summary(0, 0, 0, 0);
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .filter(this::visible).forEach(p -> rowsByFile.computeIfAbsent(p, LandedFiles::rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        long rows = rowsByFile.values().stream().mapToLong(Long::longValue).sum();
        int hours = (int) rowsByFile.keySet().stream().map(Path::getParent).distinct().count();
        long bytes = rowsByFile.keySet().stream().mapToLong(p -> p.toFile().length()).sum();
        return new Summary(rowsByFile.size(), rows, hours, bytes);
    }

    private boolean visible(Path file) {
        for (Path part : root.relativize(file)) {
            String name = part.toString();
            if (name.startsWith("_") || name.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static long rows(Path file) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getRecordCount();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footer of " + file, e);
        }
    }
}
