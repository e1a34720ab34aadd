package io.ticklake.streams.ingest;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.contract.TickIdentity;
import io.ticklake.streams.kpi.KpiWindow;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts a {@code (symbol, sequence)} once ({@link TickIdentity}): an accepted tick whose identity was
 * seen within the horizon is dropped and counted in {@link DuplicateMetrics}, not dead-lettered (it is
 * valid; its first copy already counts). Whatever else the copy carries (another price, volume or
 * event time) is ignored: the first copy in partition order wins.
 *
 * <p>What was seen is kept per <em>bucket</em>: the partition's stream time (highest accepted event time) when
 * the first copy came, rounded down to a multiple of the {@link #horizonMs horizon} (one minute, the base
 * window, plus grace); a tick looks in the current bucket and its neighbours. An identity is therefore
 * recognized while stream time is below {@link #rememberedUntil} of the first copy's stream time, at least
 * one horizon. A copy of a tick of event time {@code t} passes the late filter only while its minute is open,
 * i.e. stream time is below {@code minuteEnd(t) + grace <= t + horizon}, and {@code t} is at most the first
 * copy's stream time: so every copy with the first one's event time that could still change a window is
 * caught; a later copy is late and goes to the DLQ as such.
 *
 * <p>Where it is kept: per symbol, the sequences of each bucket as ranges ({@link SeenSequences}), in a cached
 * key-value store: a few longs per symbol, read from memory and written to the changelog once per commit.
 * This is the topology's hottest step, and one store write (and, before, a scan) per tick cost most of a
 * stream thread's time. Only a symbol whose numbering has many gaps overflows into the identity window store
 * ({@code symbol#sequence} to the first copy's input offset under its bucket, point reads, expired by
 * segment): then a record that finds its own offset there is the same record processed again, not a copy.
 * Both stores are changelogged and commit with the KPIs under exactly-once; the ranges reach the local store
 * only when a commit flushes the cache, and a task closed without committing is wiped and restored, so no
 * aborted write can make a replayed tick look like its own copy.
 *
 * <p>Stream time starts, after a restore, from the late filter's stored value, which lags the real one by
 * less than a minute; the bucket after the current one is read too, so what was seen just before the crash is
 * found.
 */
public final class TickDeduplicator implements FixedKeyProcessor<String, StockTick, StockTick> {

    private static final long NO_OFFSET = -1L;

    private final String storeName;
    private final String streamTimeStoreName;
    private final String sequencesStoreName;
    private final long graceMs;
    private final long horizonMs;
    private FixedKeyProcessorContext<String, StockTick> context;
    private WindowStore<String, Long> seen;
    private KeyValueStore<String, long[]> sequences;
    private DuplicateMetrics metrics;
    private long streamTime = ConsumerRecord.NO_TIMESTAMP;

    /**
     * @param sequencesStoreName  symbol to its {@link SeenSequences} (key-value, cached)
     * @param storeName           the overflowing identities' window store (retention {@link #retentionMs})
     * @param streamTimeStoreName the late filter's store of each partition's stream time, read once at start
     */
    public TickDeduplicator(String sequencesStoreName, String storeName, String streamTimeStoreName, long graceMs) {
        this.sequencesStoreName = sequencesStoreName;
        this.storeName = storeName;
        this.streamTimeStoreName = streamTimeStoreName;
        this.graceMs = graceMs;
        this.horizonMs = horizonMs(graceMs);
    }

    /** How long after a tick's event time its copies must be recognized: 1 minute plus {@code graceMs}. */
    public static long horizonMs(long graceMs) {
        return KpiWindow.MINUTE_MS + graceMs;
    }

    /** The identity store's retention: it must keep the bucket after the current one and the one before. */
    public static long retentionMs(long graceMs) {
        return 3 * horizonMs(graceMs);
    }

    /**
     * The stream time from which an identity first seen at stream time {@code firstStreamTime} is forgotten:
     * the end of the bucket after the first copy's.
     */
    public static long rememberedUntil(long firstStreamTime, long graceMs) {
        return bucketOf(firstStreamTime, graceMs) + 2 * horizonMs(graceMs);
    }

    /** The bucket an identity first seen at {@code streamTime} is stored under. */
    public static long bucketOf(long streamTime, long graceMs) {
        long horizon = horizonMs(graceMs);
        return Math.floorDiv(streamTime, horizon) * horizon;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, StockTick> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        this.sequences = context.getStateStore(sequencesStoreName);
        KeyValueStore<Integer, Long> streamTimes = context.getStateStore(streamTimeStoreName);
        Long stored = streamTimes.get(context.taskId().partition());
        this.streamTime = stored == null ? ConsumerRecord.NO_TIMESTAMP : stored;
        this.metrics = new DuplicateMetrics(context.metrics(), context.taskId());
    }

    @Override
    public void process(FixedKeyRecord<String, StockTick> record) {
        streamTime = Math.max(streamTime, record.timestamp());
        long bucket = bucketOf(streamTime, graceMs);
        long sequence = record.value().getSequence();
        SeenSequences seenSequences = SeenSequences.of(sequences.get(record.key()), bucket - horizonMs);
        if (seenSequences.contains(sequence)) {
            metrics.record();
            return;
        }
        // the identity store is read only for an overflowed symbol and written only when a bucket overflows:
        // most ticks build neither the identity nor the offset
        if (seenSequences.anyOverflowed()) {
            Long firstOffset = firstCopy(TickIdentity.key(record.value()), bucket);
            long offset = inputOffset();
            if (firstOffset != null && (offset == NO_OFFSET || firstOffset != offset)) {
                metrics.record();
                return;
            }
            // else new, or the same record again: a replay after an aborted transaction whose write outlived it
        }
        if (!seenSequences.add(bucket, sequence)) {
            seen.put(TickIdentity.key(record.value()), inputOffset(), bucket);
        }
        sequences.put(record.key(), seenSequences.toArray());
        context.forward(record);
    }

    private long inputOffset() {
        return context.recordMetadata().map(RecordMetadata::offset).orElse(NO_OFFSET);
    }

    private Long firstCopy(String identity, long bucket) {
        Long offset = seen.fetch(identity, bucket);
        if (offset == null) {
            offset = seen.fetch(identity, bucket - horizonMs);
        }
        if (offset == null) {
            offset = seen.fetch(identity, bucket + horizonMs);
        }
        return offset;
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }
}
