package io.ticklake.connect.writer;

import java.time.Duration;
import java.util.Optional;

/**
 * When a partition's open batch closes. The size and interval rules read only the records, so the
 * same records close at the same offsets on every run; the idle rule reads the wall clock, and its
 * decision is made repeatable by the batch range stored in the files (see {@link PartitionWriter}).
 */
public final class RotationPolicy {

    private final int flushSize;
    private final long rotateIntervalMs;
    private final long idleMs;

    /** @param rotateInterval null for off; @param idle null for off */
    public RotationPolicy(int flushSize, Duration rotateInterval, Duration idle) {
        this.flushSize = flushSize;
        this.rotateIntervalMs = rotateInterval == null ? -1 : rotateInterval.toMillis();
        this.idleMs = idle == null ? -1 : idle.toMillis();
    }

    /** Before appending a record with time {@code recordTimeMs}: has the batch spanned rotate.interval.ms? */
    public Optional<CloseReason> onRecordTime(OpenBatch batch, long recordTimeMs) {
        if (rotateIntervalMs > 0 && recordTimeMs - batch.baseTimeMs() >= rotateIntervalMs) {
            return Optional.of(CloseReason.ROTATE_INTERVAL);
        }
        return Optional.empty();
    }

    /** After appending: has the batch reached flush.size rows? */
    public Optional<CloseReason> onSize(OpenBatch batch) {
        return batch.rows() >= flushSize ? Optional.of(CloseReason.FLUSH_SIZE) : Optional.empty();
    }

    /** On a timer: has the partition been quiet for rotate.idle.ms? */
    public Optional<CloseReason> onIdle(OpenBatch batch, long nowMs) {
        if (idleMs > 0 && nowMs - batch.lastActivityMs() >= idleMs) {
            return Optional.of(CloseReason.IDLE);
        }
        return Optional.empty();
    }

    /** When an idle check would next be due for this batch, or Long.MAX_VALUE when idle closing is off. */
    public long idleDeadline(OpenBatch batch) {
        return idleMs > 0 ? batch.lastActivityMs() + idleMs : Long.MAX_VALUE;
    }
}
