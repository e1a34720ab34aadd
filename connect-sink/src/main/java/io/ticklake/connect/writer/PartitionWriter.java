package io.ticklake.connect.writer;

import io.ticklake.connect.format.FooterMetadata;
import io.ticklake.connect.format.RawParquetFile;
import io.ticklake.connect.format.RawRow;
import io.ticklake.connect.partition.HourPartitioner;
import io.ticklake.connect.storage.FileBytes;
import io.ticklake.connect.storage.ObjectStore;
import io.ticklake.connect.storage.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers, rotates and uploads the rows of one Kafka partition, and knows which offset is safe to
 * commit: the first offset not yet durable in the store.
 *
 * <p>Exactly-once rests on three rules. (1) All open files of the partition close together, so the
 * offset after a close is a point where nothing is pending. (2) Every decision to close is either a
 * function of the records alone (size, record time) or written down: each file's footer carries
 * its batch's [start, end) offsets, and when a new batch starts at an offset where a stored file
 * says a batch started, the writer ends this batch at the stored end too. (3) A file is named after
 * its first offset. So any rerun from a committed offset rebuilds the same files under the same
 * names, never adding a duplicate or leaving a gap.
 *
 * <p>A file is only ever created, never replaced: another writer of the partition (a task evicted
 * by a rebalance but still uploading, or the new owner when this one is the evicted task) may have
 * cut its batch elsewhere, and replacing its file would lose rows. Finding a file already there is
 * success when its footer holds this batch's range (a replay); otherwise the batch fails, and the
 * retry from the batch start follows the stored range by rule (2).
 */
public final class PartitionWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionWriter.class);

    private final TopicPartition tp;
    private final WriterSettings settings;
    private final ObjectStore store;
    private final Clock clock;
    private final HourPartitioner partitioner = new HourPartitioner();
    private final Backoff backoff;

    private OpenBatch batch;
    /** Offset after the last record consumed, or -1 before the first one (and after a rewind). */
    private long nextOffset = -1;
    private long durableBatches;

    public PartitionWriter(TopicPartition tp, WriterSettings settings, ObjectStore store, Clock clock) {
        this.tp = tp;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
    }

    public TopicPartition topicPartition() {
        return tp;
    }

    /** Writes a row whose partition time is {@code recordTimeMs}; may close and upload the batch. */
    public void append(RawRow row, long recordTimeMs) {
        long offset = row.offset();
        closeIfStoredEndReached(offset);
        if (batch != null && batch.storedEnd() == null) {
            Optional<CloseReason> reason = settings.rotation().onRecordTime(batch, recordTimeMs);
            if (reason.isPresent()) {
                close(reason.get());
            }
        }
        String hourPath = partitioner.path(recordTimeMs);
        if (batch == null) {
            batch = new OpenBatch(offset, recordTimeMs, storedBatchEnd(hourPath, offset), clock.millis());
        }
        OpenBatch.OpenFile file = batch.file(hourPath);
        if (file == null) {
            String name = FileNames.fileName(tp.topic(), tp.partition(), offset);
            file = new OpenBatch.OpenFile(FileNames.key(settings.table(), hourPath, name),
                    new RawParquetFile(name, row.schema(), tp.topic(), tp.partition(), settings.parquet()), offset);
            batch.addFile(hourPath, file);
        }
        file.parquet.write(row);
        file.lastOffset = offset;
        batch.countRow();
        batch.touch(clock.millis());
        nextOffset = offset + 1;
        if (batch.storedEnd() != null) {
            closeIfStoredEndReached(nextOffset);
        } else {
            settings.rotation().onSize(batch).ifPresent(this::close);
        }
    }

    /** Accounts for a record that yields no row (a tombstone, or one sent to the dead-letter queue). */
    public void skip(long offset) {
        closeIfStoredEndReached(offset);
        nextOffset = offset + 1;
        if (batch != null) {
            batch.touch(clock.millis());
            closeIfStoredEndReached(nextOffset);
        }
    }

    /** Closes the batch if the partition has been quiet for rotate.idle.ms; true if it did. */
    public boolean closeIfIdle(long nowMs) {
        if (batch == null) {
            return false;
        }
        Optional<CloseReason> reason = settings.rotation().onIdle(batch, nowMs);
        reason.ifPresent(this::close);
        return reason.isPresent();
    }

    /** When {@link #closeIfIdle} next has something to do; Long.MAX_VALUE if never. */
    public long idleDeadline() {
        return batch == null ? Long.MAX_VALUE : settings.rotation().idleDeadline(batch);
    }

    /**
     * Closes the open files and uploads them. On a store failure the batch stays as it was and the
     * {@link io.ticklake.connect.storage.StoreException} propagates; the caller then {@link #rewind}s.
     */
    public void close(CloseReason reason) {
        if (batch == null) {
            return;
        }
        OpenBatch closing = batch;
        long end = nextOffset;
        Map<String, String> footer = new HashMap<>();
        footer.put(FooterKeys.BATCH_START, Long.toString(closing.startOffset()));
        footer.put(FooterKeys.BATCH_END, Long.toString(end));
        footer.put(FooterKeys.TOPIC, tp.topic());
        footer.put(FooterKeys.PARTITION, Integer.toString(tp.partition()));
        List<String> keys = new ArrayList<>();
        for (OpenBatch.OpenFile file : closing.files()) {
            Map<String, String> fileFooter = new HashMap<>(footer);
            fileFooter.put(FooterKeys.FIRST_OFFSET, Long.toString(file.firstOffset));
            fileFooter.put(FooterKeys.LAST_OFFSET, Long.toString(file.lastOffset));
            fileFooter.put(FooterKeys.ROWS, Long.toString(file.parquet.rows()));
            FileBytes bytes = file.parquet.finish(fileFooter);
            if (!store.putIfAbsent(file.key, bytes)) {
                requireSameBatch(file.key, closing.startOffset(), end);
            }
            keys.add(file.key);
        }
        batch = null;
        durableBatches++;
        backoff.reset();
        LOG.info("{}: closed {} file(s) with {} rows for offsets [{}, {}) on {}: {}", tp, keys.size(), closing.rows(),
                closing.startOffset(), end, reason, keys);
    }

    /**
     * Accepts a file found under {@code key} if it holds the batch [start, end), as a replay of this
     * batch finds its own earlier upload; otherwise throws a retriable {@link StoreException} that
     * names both ranges, leaving the stored file in place.
     */
    private void requireSameBatch(String key, long start, long end) {
        String found;
        try {
            Optional<Map<String, String>> footer = FooterMetadata.read(store, key);
            if (footer.isEmpty()) {
                found = "was there a moment ago and is gone now";
            } else {
                String storedStart = footer.get().get(FooterKeys.BATCH_START);
                String storedEnd = footer.get().get(FooterKeys.BATCH_END);
                if (Long.toString(start).equals(storedStart) && Long.toString(end).equals(storedEnd)) {
                    LOG.info("{}: {} is already stored with this batch's range [{}, {}); keeping it", tp, key,
                            start, end);
                    return;
                }
                found = storedStart == null || storedEnd == null ? "exists without a batch range in its footer"
                        : "exists with the batch [" + storedStart + ", " + storedEnd + ")";
            }
        } catch (IllegalStateException e) {
            found = "exists but cannot be read (" + e.getMessage() + ")";
        }
        throw new StoreException(key + " " + found + ", not this batch's [" + start + ", " + end
                + "): another writer of the partition stored it; not replacing it, re-reading from offset " + start,
                true, null);
    }

    /**
     * Forgets the open batch after a failure and returns the offset to seek back to: its start, or
     * {@code failedOffset} (the record being processed) when nothing was open.
     */
    public long rewind(long failedOffset) {
        long target = batch != null ? batch.startOffset() : failedOffset;
        batch = null;
        nextOffset = -1;
        return target;
    }

    /** Drops the open batch without uploading it (partition revoked or task stopping). */
    public void discard() {
        if (batch != null) {
            LOG.info("{}: dropping {} unflushed rows from offset {}; they are consumed again from the committed"
                    + " offset", tp, batch.rows(), batch.startOffset());
        }
        batch = null;
    }

    /** The offset Connect may commit: everything before it is durable (or was skipped). */
    public OptionalLong committableOffset() {
        if (batch != null) {
            return OptionalLong.of(batch.startOffset());
        }
        return nextOffset >= 0 ? OptionalLong.of(nextOffset) : OptionalLong.empty();
    }

    /** The wait before retrying after a failure; each call counts a failure, a successful close resets it. */
    public long nextRetryDelayMs() {
        return backoff.nextDelayMs();
    }

    public int retryAttempts() {
        return backoff.failures();
    }

    public boolean hasOpenBatch() {
        return batch != null;
    }

    /** True while replaying a batch whose end a previous run fixed: the memory limits must not cut it. */
    public boolean isReplayingStoredBatch() {
        return batch != null && batch.storedEnd() != null;
    }

    public int openFiles() {
        return batch == null ? 0 : batch.openFiles();
    }

    public long bufferedBytes() {
        return batch == null ? 0 : batch.bufferedBytes();
    }

    /** How many batches this writer made durable; for tests and metrics. */
    public long durableBatches() {
        return durableBatches;
    }

    private void closeIfStoredEndReached(long offset) {
        if (batch != null && batch.storedEnd() != null && offset >= batch.storedEnd()) {
            close(CloseReason.STORED_BATCH_END);
        }
    }

    /** The end offset of the batch a previous run stored starting at {@code offset}, if there is one. */
    private Long storedBatchEnd(String hourPath, long offset) {
        String key = FileNames.key(settings.table(), hourPath, FileNames.fileName(tp.topic(), tp.partition(), offset));
        Optional<Map<String, String>> footer;
        try {
            footer = FooterMetadata.read(store, key);
        } catch (IllegalStateException e) {
            LOG.warn("{}: ignoring the unreadable stored file {}; this batch cannot replace it and fails when it"
                    + " closes: {}", tp, key, e.getMessage());
            return null;
        }
        if (footer.isEmpty()) {
            return null;
        }
        String start = footer.get().get(FooterKeys.BATCH_START);
        String end = footer.get().get(FooterKeys.BATCH_END);
        if (start == null || end == null || Long.parseLong(start) != offset || Long.parseLong(end) <= offset) {
            LOG.warn("{}: {} exists but did not start a batch at {}; this batch cannot replace it and fails when it"
                    + " closes", tp, key, offset);
            return null;
        }
        LOG.info("{}: replaying the stored batch [{}, {}) starting with {}", tp, offset, end, key);
        return Long.parseLong(end);
    }
}
