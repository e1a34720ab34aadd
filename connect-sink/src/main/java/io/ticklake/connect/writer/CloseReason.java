package io.ticklake.connect.writer;

/** Why a partition's open files were closed; logged with every close. */
public enum CloseReason {
    /** flush.size records were written since the batch began. */
    FLUSH_SIZE,
    /** A record's time was rotate.interval.ms past the batch's first record. */
    ROTATE_INTERVAL,
    /** The partition received nothing for rotate.idle.ms. */
    IDLE,
    /** A replay reached the end of the batch a previous run stored. */
    STORED_BATCH_END,
    /** The task had more than max.open.files open files. */
    OPEN_FILES_LIMIT,
    /** The task buffered more than max.buffered.bytes. */
    BUFFER_LIMIT
}
