package io.ticklake.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Appends a harness's rows to its JSON-lines file and echoes each on the terminal. */
public final class RowWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final Path file;

    public RowWriter(Path file) {
        this.file = file;
    }

    public void write(BenchRow row) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(row) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        System.out.printf(Locale.ROOT, "%-70s %12.2f %-8s %s%n", row.metric(), row.value(), row.unit(),
                row.target().isEmpty() ? "" : row.target() + (Boolean.TRUE.equals(row.met()) ? " met" : " MISSED"));
    }

    /** Reads rows back (for the table and for tests). */
    public static BenchRow parse(String line) {
        try {
            return JSON.readValue(line, BenchRow.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a benchmark row: " + line, e);
        }
    }
}
