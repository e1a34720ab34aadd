package io.ticklake.connect.writer;

import io.ticklake.connect.storage.ObjectStore;
import io.ticklake.connect.storage.StoreException;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partition writers of one task, and what spans them: the per-task bounds on open files and
 * buffered bytes, and the retry of a partition after a retriable failure (rewind to the start of
 * its open batch, pause it for the backoff, resume it after).
 */
public final class TaskWriters {

    private static final Logger LOG = LoggerFactory.getLogger(TaskWriters.class);

    private final WriterSettings settings;
    private final ObjectStore store;
    private final Clock clock;
    private final SinkTaskContext context;
    private final int maxOpenFiles;
    private final long maxBufferedBytes;
    private final Map<TopicPartition, PartitionWriter> writers = new HashMap<>();
    /** Partitions paused after a failure, with the wall-clock time to resume them. */
    private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();
    /** Partitions rewound during the current put: their remaining records there are stale. */
    private final Set<TopicPartition> rewound = new HashSet<>();
    private boolean budgetWarned;

    public TaskWriters(WriterSettings settings, ObjectStore store, Clock clock, SinkTaskContext context,
                       int maxOpenFiles, long maxBufferedBytes) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.context = context;
        this.maxOpenFiles = maxOpenFiles;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    /**
     * Takes on partitions: resumes them and aborts uploads their previous owner left unfinished.
     *
     * <p>Connect keeps a task's pauses across a rebalance (it pauses again whatever the task paused
     * and still owns), but {@link #close} forgot the backoff that would have resumed it. A newly
     * assigned partition starts from its committed offset with no backoff pending, so it is resumed
     * here, whatever happened to it before.
     */
    public void open(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            writers.computeIfAbsent(tp, p -> new PartitionWriter(p, settings, store, clock));
            pausedUntil.remove(tp);
            context.resume(tp);
            try {
                int aborted = store.abortIncompleteUploads(FileNames.tablePrefix(settings.table()),
                        FileNames.ofPartition(tp.topic(), tp.partition()));
                if (aborted > 0) {
                    LOG.info("{}: aborted {} incomplete upload(s) left by a previous owner", tp, aborted);
                }
            } catch (StoreException e) {
                // not needed for correctness: a later assignment cleans up
                LOG.warn("{}: could not clean up incomplete uploads: {}", tp, e.getMessage());
            }
        }
    }

    /** Gives partitions up, dropping what they had not made durable. */
    public void close(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            PartitionWriter writer = writers.remove(tp);
            if (writer != null) {
                writer.discard();
            }
            pausedUntil.remove(tp);
            rewound.remove(tp);
        }
    }

    /** Drops every open batch. */
    public void closeAll() {
        close(List.copyOf(writers.keySet()));
    }

    /** Start of a put: resume partitions whose backoff is over; records in this put are fresh. */
    public void beginPut(long nowMs) {
        rewound.clear();
        pausedUntil.entrySet().removeIf(entry -> {
            if (entry.getValue() <= nowMs) {
                LOG.info("{}: retrying after the backoff", entry.getKey());
                context.resume(entry.getKey());
                return true;
            }
            return false;
        });
    }

    /** The writer for a record, or null when its records are to be ignored (unassigned, rewound, paused). */
    public PartitionWriter writerFor(TopicPartition tp) {
        if (rewound.contains(tp) || pausedUntil.containsKey(tp)) {
            return null;
        }
        return writers.get(tp);
    }

    /**
     * Handles a failure while processing {@code tp}: a retriable one rewinds the partition to the
     * start of its open batch (or to {@code failedOffset}) and pauses it for the backoff; any other
     * stops the task.
     */
    public void failed(TopicPartition tp, long failedOffset, RuntimeException error) {
        if (error instanceof StoreException store && !store.isRetriable()) {
            throw new ConnectException(tp + ": " + store.getMessage(), store);
        }
        if (!(error instanceof StoreException) && !(error instanceof RetriableException)) {
            throw error;
        }
        PartitionWriter writer = writers.get(tp);
        if (writer == null) {
            return;
        }
        long target = writer.rewind(failedOffset);
        long delay = writer.nextRetryDelayMs();
        long nowMs = clock.millis();
        if (target >= 0) {
            context.offset(tp, target);
        }
        context.pause(tp);
        pausedUntil.put(tp, nowMs + delay);
        rewound.add(tp);
        LOG.warn("{}: {} (attempt {}); rewinding to offset {} and retrying in {} ms", tp, error.getMessage(),
                writer.retryAttempts(), target, delay);
    }

    /**
     * Closes batches of partitions quiet for rotate.idle.ms. Called from {@code put} only: an upload
     * from {@code preCommit}, which Connect also calls while revoking partitions, could fail and
     * then seek and pause a partition the task is giving up.
     */
    public void closeIdle(long nowMs) {
        for (PartitionWriter writer : writers.values()) {
            if (pausedUntil.containsKey(writer.topicPartition())) {
                continue;
            }
            try {
                writer.closeIfIdle(nowMs);
            } catch (RuntimeException e) {
                failed(writer.topicPartition(), -1, e);
            }
        }
    }

    /**
     * Keeps the task within max.open.files and max.buffered.bytes by closing the batch of the
     * partition that holds most. The cut is not a function of the records, but it is stored in the
     * files' footers, so a replay cuts at the same offset.
     */
    public void enforceLimits() {
        enforce(PartitionWriter::openFiles, maxOpenFiles, CloseReason.OPEN_FILES_LIMIT);
        enforce(PartitionWriter::bufferedBytes, maxBufferedBytes, CloseReason.BUFFER_LIMIT);
    }

    private void enforce(ToLongFunction<PartitionWriter> measure, long limit, CloseReason reason) {
        long total = writers.values().stream().mapToLong(measure).sum();
        while (total > limit) {
            Optional<PartitionWriter> largest = writers.values().stream()
                    .filter(w -> w.hasOpenBatch() && !w.isReplayingStoredBatch())
                    .max(Comparator.comparingLong(measure));
            if (largest.isEmpty()) {
                if (!budgetWarned) {
                    LOG.warn("Over the {} limit ({} > {}) with only replayed batches open; they close at their"
                            + " stored end", reason, total, limit);
                    budgetWarned = true;
                }
                return;
            }
            PartitionWriter writer = largest.get();
            long before = measure.applyAsLong(writer);
            try {
                writer.close(reason);
            } catch (RuntimeException e) {
                failed(writer.topicPartition(), -1, e);
            }
            total -= before;
        }
    }

    /** The offsets safe to commit: for each partition, the first offset not yet durable. */
    public Map<TopicPartition, OffsetAndMetadata> committableOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (PartitionWriter writer : writers.values()) {
            OptionalLong offset = writer.committableOffset();
            if (offset.isPresent()) {
                offsets.put(writer.topicPartition(), new OffsetAndMetadata(offset.getAsLong()));
            }
        }
        return offsets;
    }

    /** Milliseconds until the task should be called again (idle closes, resumes), or -1 for no need. */
    public long nextWakeupMs(long nowMs) {
        long next = Long.MAX_VALUE;
        for (PartitionWriter writer : writers.values()) {
            if (!pausedUntil.containsKey(writer.topicPartition())) {
                next = Math.min(next, writer.idleDeadline());
            }
        }
        for (long resume : pausedUntil.values()) {
            next = Math.min(next, resume);
        }
        return next == Long.MAX_VALUE ? -1 : Math.max(1, next - nowMs);
    }

    public PartitionWriter writer(TopicPartition tp) {
        return writers.get(tp);
    }
}
