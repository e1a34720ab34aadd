package io.ticklake.simulator.replay;

import java.nio.file.Path;

/** A CSV line that cannot be replayed; the message names the file, the line and what is wrong. */
public class MalformedCsvLineException extends RuntimeException {

    private final Path file;
    private final long line;
    private final String reason;

    public MalformedCsvLineException(Path file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
