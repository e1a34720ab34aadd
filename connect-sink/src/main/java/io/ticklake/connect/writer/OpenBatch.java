package io.ticklake.connect.writer;

import io.ticklake.connect.format.RawParquetFile;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a partition has open: one per hour directory its records fell into since the last
 * close. They are closed and uploaded together, so the offset after them is a clean restart point.
 */
public final class OpenBatch {

    /** One open file and the offsets it holds. */
    static final class OpenFile {
        final String key;
        final RawParquetFile parquet;
        final long firstOffset;
        long lastOffset;

        OpenFile(String key, RawParquetFile parquet, long firstOffset) {
            this.key = key;
            this.parquet = parquet;
            this.firstOffset = firstOffset;
            this.lastOffset = firstOffset;
        }
    }

    private final long startOffset;
    private final long baseTimeMs;
    private final Long storedEnd;
    private final Map<String, OpenFile> filesByHour = new LinkedHashMap<>();
    private long rows;
    private long lastActivityMs;

    OpenBatch(long startOffset, long baseTimeMs, Long storedEnd, long nowMs) {
        this.startOffset = startOffset;
        this.baseTimeMs = baseTimeMs;
        this.storedEnd = storedEnd;
        this.lastActivityMs = nowMs;
    }

    /** Offset of the batch's first row. */
    public long startOffset() {
        return startOffset;
    }

    /** Record time of the batch's first row. */
    public long baseTimeMs() {
        return baseTimeMs;
    }

    /** The end a previous run gave this batch, when this is a replay of it; null otherwise. */
    public Long storedEnd() {
        return storedEnd;
    }

    public long rows() {
        return rows;
    }

    public int openFiles() {
        return filesByHour.size();
    }

    public long lastActivityMs() {
        return lastActivityMs;
    }

    void touch(long nowMs) {
        lastActivityMs = nowMs;
    }

    OpenFile file(String hourPath) {
        return filesByHour.get(hourPath);
    }

    void addFile(String hourPath, OpenFile file) {
        filesByHour.put(hourPath, file);
    }

    void countRow() {
        rows++;
    }

    Collection<OpenFile> files() {
        return filesByHour.values();
    }

    long bufferedBytes() {
        long total = 0;
        for (OpenFile file : filesByHour.values()) {
            total += file.parquet.bufferedBytes();
        }
        return total;
    }
}
