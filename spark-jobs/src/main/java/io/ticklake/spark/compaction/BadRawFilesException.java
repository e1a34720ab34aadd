package io.ticklake.spark.compaction;

import io.ticklake.spark.lake.HourPartition;
import java.util.List;
import java.util.stream.Collectors;

/** Raised with {@code on-bad-file=fail}: names every corrupt or foreign file of the hour. */
public class BadRawFilesException extends RuntimeException {

    private final List<BadRawFile> files;

    public BadRawFilesException(HourPartition hour, List<BadRawFile> files) {
        super("Raw partition of hour " + hour + " has " + files.size() + " file(s) that are not raw stock_ticks data"
                + " (rerun with on-bad-file=skip to compact without them): "
                + files.stream().map(BadRawFile::toString).collect(Collectors.joining("; ")));
        this.files = List.copyOf(files);
    }

    public List<BadRawFile> files() {
        return files;
    }
}
